package com.kakehashi.reconciliation.infra;

import com.kakehashi.reconciliation.domain.ExpectedItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;

@ApplicationScoped
public class ExpectationRepository {
    @Inject
    EntityManager em;

    /** Idempotent by bank, kind and reference; a new item is open (matching reads the open items only). */
    public void insertIfAbsent(ExpectedItem item, Instant now) {
        em.createNativeQuery("""
                with item as (insert into expected_item (id, bank_id, kind, reference, batch_id, direction, amount_minor,
                        currency, value_date, counterparty, created_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) on conflict (bank_id, kind, reference) do nothing
                    returning id, bank_id, kind, reference, direction, amount_minor, value_date)
                insert into open_expected_item (id, bank_id, kind, reference, direction, amount_minor, value_date)
                select * from item""")
                .setParameter(1, item.id())
                .setParameter(2, item.bankId())
                .setParameter(3, item.kind().name())
                .setParameter(4, item.reference())
                .setParameter(5, item.batchId())
                .setParameter(6, item.direction().name())
                .setParameter(7, item.amount().amount())
                .setParameter(8, item.amount().currencyCode())
                .setParameter(9, item.valueDate())
                .setParameter(10, item.counterparty())
                .setParameter(11, now)
                .executeUpdate();
    }
}
