package com.kakehashi.settlement.infra;

import com.kakehashi.common.sql.SqlRow;
import com.kakehashi.settlement.domain.MerchantNetting;
import com.kakehashi.settlement.domain.SettlementTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Whether a payment has been taken into a settlement batch, and where it went from there. */
@ApplicationScoped
public class SettledPaymentRepository {
    /** A carry-forward chain longer than this is a bug, not history. */
    static final int MAX_HOPS = 1_000;

    @Inject
    EntityManager em;

    public boolean isInBatch(UUID paymentId) {
        return !em.createNativeQuery("select 1 from settlement_payment where payment_id = ?1")
                .setParameter(1, paymentId)
                .getResultList()
                .isEmpty();
    }

    /** The payment's first batch, then each batch that took its merchant's carried item over (append-only rows). */
    public Optional<SettlementTrail> trail(UUID paymentId) {
        List<SettlementTrail.Hop> hops = SqlRow.list(
                SqlRow.query(em, """
                with recursive chain (batch_id, merchant_id, depth) as (
                    select batch_id, merchant_id, 0 from settlement_payment where payment_id = ?1
                    union all
                    select c.to_batch_id, c.merchant_id, chain.depth + 1
                    from chain join settlement_carry_forward c
                      on c.from_batch_id = chain.batch_id and c.merchant_id = chain.merchant_id
                    where chain.depth < ?2)
                select chain.batch_id, i.outcome from chain
                left join settlement_item i on i.batch_id = chain.batch_id and i.merchant_id = chain.merchant_id
                order by chain.depth""", paymentId, MAX_HOPS),
                r -> new SettlementTrail.Hop(
                        r.uuid("batch_id"),
                        r.string("outcome") == null ? null : r.enumValue("outcome", MerchantNetting.Outcome.class)));
        return hops.isEmpty() ? Optional.empty() : Optional.of(new SettlementTrail(paymentId, hops));
    }
}
