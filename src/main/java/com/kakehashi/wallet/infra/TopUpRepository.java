package com.kakehashi.wallet.infra;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TopUpRepository implements PanacheRepositoryBase<TopUpEntity, UUID> {

    /** Pending top-ups older than {@code before}, oldest first, at most {@code limit}. */
    public List<UUID> pendingBefore(Instant before, int limit) {
        return getEntityManager()
                .createQuery(
                        "select id from TopUpEntity where status = 'PENDING' and createdAt < :before order by createdAt",
                        UUID.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Moves a top-up out of PENDING exactly once; false when another resolver got there first. */
    public boolean resolve(UUID id, String status, String bankReference, String failureReason, Instant at) {
        return getEntityManager()
                        .createNativeQuery("""
                update top_up set status = ?2, bank_reference = ?3, failure_reason = ?4, updated_at = ?5,
                    version = version + 1
                where id = ?1 and status = 'PENDING'""")
                        .setParameter(1, id)
                        .setParameter(2, status)
                        .setParameter(3, bankReference)
                        .setParameter(4, failureReason)
                        .setParameter(5, at)
                        .executeUpdate()
                == 1;
    }

    /** The sum of the wallet's top-ups still waiting for the bank: they count against its maximum balance. */
    public long pendingTotalMinor(UUID walletId) {
        return ((Number) getEntityManager()
                        .createNativeQuery(
                                "select coalesce(sum(amount_minor), 0) from top_up where wallet_id = ?1 and status = 'PENDING'")
                        .setParameter(1, walletId)
                        .getSingleResult())
                .longValue();
    }

    /** Top-ups waiting for the bank to confirm a reversal, oldest first, at most {@code limit}. */
    public List<UUID> reversing(int limit) {
        return getEntityManager()
                .createQuery("select id from TopUpEntity where status = 'REVERSING' order by updatedAt", UUID.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Counts a failed attempt to credit an approved top-up that is still PENDING; answers the attempts so
     * far (0 when the top-up has left PENDING meanwhile).
     */
    public int recordCreditFailure(UUID id, String reason, Instant at) {
        List<?> attempts = getEntityManager()
                .createNativeQuery("""
                update top_up set credit_failures = credit_failures + 1, failure_reason = left(?2, 200),
                    updated_at = ?3, version = version + 1
                where id = ?1 and status = 'PENDING'
                returning credit_failures""")
                .setParameter(1, id)
                .setParameter(2, reason)
                .setParameter(3, at)
                .getResultList();
        return attempts.isEmpty() ? 0 : ((Number) attempts.get(0)).intValue();
    }

    /** PENDING -> REVERSING exactly once: the bank approved the debit, the wallet cannot take it. */
    public boolean startReversal(UUID id, String bankReference, String reason, Instant at) {
        return getEntityManager()
                        .createNativeQuery("""
                update top_up set status = 'REVERSING', bank_reference = coalesce(?2, bank_reference),
                    failure_reason = left(?3, 200), updated_at = ?4, version = version + 1
                where id = ?1 and status = 'PENDING'""")
                        .setParameter(1, id)
                        .setParameter(2, bankReference)
                        .setParameter(3, reason)
                        .setParameter(4, at)
                        .executeUpdate()
                == 1;
    }

    /** REVERSING -> REVERSED exactly once, with the bank's reference for the returned money. */
    public boolean reversed(UUID id, String reversalReference, Instant at) {
        return getEntityManager()
                        .createNativeQuery("""
                update top_up set status = 'REVERSED', reversal_reference = ?2, updated_at = ?3, version = version + 1
                where id = ?1 and status = 'REVERSING'""")
                        .setParameter(1, id)
                        .setParameter(2, reversalReference)
                        .setParameter(3, at)
                        .executeUpdate()
                == 1;
    }
}
