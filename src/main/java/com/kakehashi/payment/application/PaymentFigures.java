package com.kakehashi.payment.application;

import com.kakehashi.payment.infra.PaymentFiguresRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Payment and refund figures over a period (the console's overview), in minor units per currency. */
@ApplicationScoped
public class PaymentFigures {
    @Inject
    PaymentFiguresRepository repository;

    /** Payments captured since, per corridor: how many, what merchants were paid, what wallets were charged. */
    public record Corridor(
            String walletCurrency, String merchantCurrency, long payments, long priceMinor, long chargeMinor) {}

    public record PerMinute(Instant minute, long payments) {}

    public record RefundTotal(String currency, long count, long amountMinor) {}

    @Transactional
    public List<Corridor> corridorsSince(Instant since) {
        return repository.paymentsSince(since).stream()
                .map(r -> new Corridor(
                        r.walletCurrency(), r.merchantCurrency(), r.payments(), r.priceMinor(), r.chargeMinor()))
                .toList();
    }

    /** Minutes without a payment are absent. */
    @Transactional
    public List<PerMinute> perMinuteSince(Instant since) {
        return repository.paymentsPerMinute(since).stream()
                .map(r -> new PerMinute(r.minute(), r.payments()))
                .toList();
    }

    @Transactional
    public List<RefundTotal> refundsSince(Instant since) {
        return repository.refundsSince(since).stream()
                .map(r -> new RefundTotal(r.currency(), r.count(), r.amountMinor()))
                .toList();
    }
}
