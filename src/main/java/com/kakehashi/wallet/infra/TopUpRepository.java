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
        return getEntityManager().createQuery(
                "select id from TopUpEntity where status = 'PENDING' and createdAt < :before order by createdAt",
                UUID.class).setParameter("before", before).setMaxResults(limit).getResultList();
    }

    /** Moves a top-up out of PENDING exactly once; false when another resolver got there first. */
    public boolean resolve(UUID id, String status, String bankReference, String failureReason, Instant at) {
        return getEntityManager().createNativeQuery("""
                update top_up set status = ?2, bank_reference = ?3, failure_reason = ?4, updated_at = ?5,
                    version = version + 1
                where id = ?1 and status = 'PENDING'""")
                .setParameter(1, id).setParameter(2, status).setParameter(3, bankReference)
                .setParameter(4, failureReason).setParameter(5, at)
                .executeUpdate() == 1;
    }

    /** The sum of the wallet's top-ups still waiting for the bank: they count against its maximum balance. */
    public long pendingTotalMinor(UUID walletId) {
        return ((Number) getEntityManager().createNativeQuery(
                "select coalesce(sum(amount_minor), 0) from top_up where wallet_id = ?1 and status = 'PENDING'")
                .setParameter(1, walletId).getSingleResult()).longValue();
    }
}
