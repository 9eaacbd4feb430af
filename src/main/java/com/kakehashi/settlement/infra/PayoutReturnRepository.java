package com.kakehashi.settlement.infra;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.common.sql.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Returned payouts: a settlement item goes INSTRUCTED -> RETURNED once. The item row is locked first, so two
 * reconciliation runs announcing the same return queue here and the second finds it RETURNED.
 */
@ApplicationScoped
public class PayoutReturnRepository {
    @Inject
    EntityManager em;

    /** A paid item of the batch, locked for this transaction, with its payout state. */
    public record ReturnableItem(UUID merchantId, MinorAmount net, String payoutStatus) {
        public boolean returned() {
            return payoutStatus.equals("RETURNED");
        }
    }

    public Optional<ReturnableItem> lockPaidItem(UUID batchId, String endToEndId) {
        return SqlRow.first(
                SqlRow.query(em, """
                select merchant_id, currency, net_minor, payout_status from settlement_item
                where batch_id = ?1 and end_to_end_id = ?2 and outcome = 'PAYOUT' for update""", batchId, endToEndId),
                r -> new ReturnableItem(
                        r.uuid("merchant_id"), r.minor("net_minor", "currency"), r.string("payout_status")));
    }

    /** Compare-and-set: true when this call moved the item to RETURNED. */
    public boolean markReturned(UUID batchId, String endToEndId, String reasonCode, UUID journalId, Instant at) {
        return em.createNativeQuery("""
                update settlement_item set payout_status = 'RETURNED', return_reason = ?3, returned_at = ?4,
                    return_journal_id = ?5
                where batch_id = ?1 and end_to_end_id = ?2 and payout_status = 'INSTRUCTED'""")
                        .setParameter(1, batchId)
                        .setParameter(2, endToEndId)
                        .setParameter(3, reasonCode)
                        .setParameter(4, at)
                        .setParameter(5, journalId)
                        .executeUpdate()
                == 1;
    }

    /** The payout's state as the API shows it. */
    public record PayoutState(
            String endToEndId,
            UUID merchantId,
            String payoutStatus,
            String returnReason,
            Instant returnedAt,
            UUID returnJournalId) {}

    public List<PayoutState> payouts(UUID batchId) {
        return SqlRow.list(
                SqlRow.query(em, """
                select end_to_end_id, merchant_id, payout_status, return_reason, returned_at, return_journal_id
                from settlement_item where batch_id = ?1 and outcome = 'PAYOUT' order by merchant_id""", batchId),
                r -> new PayoutState(
                        r.string("end_to_end_id"),
                        r.uuid("merchant_id"),
                        r.string("payout_status"),
                        r.string("return_reason"),
                        r.instant("returned_at"),
                        r.uuid("return_journal_id")));
    }
}
