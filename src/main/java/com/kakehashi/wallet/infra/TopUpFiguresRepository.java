package com.kakehashi.wallet.infra;

import com.kakehashi.common.sql.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Aggregates over top-ups, for dashboards (read-only). */
@ApplicationScoped
public class TopUpFiguresRepository {
    @Inject
    EntityManager em;

    public record CurrencyRow(String currency, long count, long amountMinor) {}

    public List<CurrencyRow> pendingByCurrency() {
        return SqlRow.list(
                SqlRow.query(em, """
                select currency, count(*) as top_ups, sum(amount_minor) as amount from top_up where status = 'PENDING'
                group by currency order by currency"""),
                r -> new CurrencyRow(r.string("currency"), r.longValue("top_ups"), r.longValue("amount")));
    }
}
