package com.kakehashi.payment.infra;

import com.kakehashi.common.sql.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/** Aggregates over captured payments and refunds, for dashboards (read-only, set-based). */
@ApplicationScoped
public class PaymentFiguresRepository {
    @Inject
    EntityManager em;

    public record CorridorRow(
            String walletCurrency, String merchantCurrency, long payments, long priceMinor, long chargeMinor) {}

    public record MinuteRow(Instant minute, long payments) {}

    public record CurrencyRow(String currency, long count, long amountMinor) {}

    public List<CorridorRow> paymentsSince(Instant since) {
        return SqlRow.list(
                SqlRow.query(em, """
                select charge_currency, price_currency, count(*) as payments, sum(price_minor) as price,
                       sum(charge_minor) as charge
                from payment where captured_at >= ?1
                group by charge_currency, price_currency order by charge_currency, price_currency""", since),
                r -> new CorridorRow(
                        r.string("charge_currency"),
                        r.string("price_currency"),
                        r.longValue("payments"),
                        r.longValue("price"),
                        r.longValue("charge")));
    }

    public List<MinuteRow> paymentsPerMinute(Instant since) {
        return SqlRow.list(
                SqlRow.query(em, """
                select date_trunc('minute', captured_at) as minute_start, count(*) as payments
                from payment where captured_at >= ?1
                group by 1 order by 1""", since), r -> new MinuteRow(r.instant("minute_start"), r.longValue("payments")));
    }

    public List<CurrencyRow> refundsSince(Instant since) {
        return SqlRow.list(
                SqlRow.query(em, """
                select price_currency, count(*) as refunds, sum(price_minor) as price from refund where created_at >= ?1
                group by price_currency order by price_currency""", since),
                r -> new CurrencyRow(r.string("price_currency"), r.longValue("refunds"), r.longValue("price")));
    }
}
