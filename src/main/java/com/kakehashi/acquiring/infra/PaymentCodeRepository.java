package com.kakehashi.acquiring.infra;

import com.kakehashi.acquiring.domain.PaymentCodeState;
import com.kakehashi.common.sql.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Payment codes by their keyed hash; the code itself is never stored. */
@ApplicationScoped
public class PaymentCodeRepository {
    @Inject
    EntityManager em;

    /** Serialises code issuing per wallet for this transaction (a PostgreSQL advisory lock, no lock table). */
    public void lockWallet(UUID walletId) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, walletId.getMostSignificantBits() ^ walletId.getLeastSignificantBits())
                .getSingleResult();
    }

    /** Retires all but the newest {@code keep} live codes of the wallet. */
    public int retireAllButNewest(UUID walletId, int keep, Instant now) {
        return em.createNativeQuery("""
                update payment_code set expires_at = ?2 where code_hash in (
                    select code_hash from payment_code where wallet_id = ?1 and used_at is null and expires_at > ?2
                    order by created_at desc offset ?3)""")
                .setParameter(1, walletId)
                .setParameter(2, now)
                .setParameter(3, keep)
                .executeUpdate();
    }

    /** False when the hash exists already (a collision of two random codes: the caller draws again). */
    public boolean insert(String hash, UUID walletId, String owner, Instant now, Instant expiresAt) {
        return em.createNativeQuery("""
                insert into payment_code (code_hash, wallet_id, owner, created_at, expires_at)
                values (?1, ?2, ?3, ?4, ?5) on conflict (code_hash) do nothing""")
                        .setParameter(1, hash)
                        .setParameter(2, walletId)
                        .setParameter(3, owner)
                        .setParameter(4, now)
                        .setParameter(5, expiresAt)
                        .executeUpdate()
                == 1;
    }

    /**
     * Marks the code used by {@code usedBy} if it is live; false when it is unknown, expired or already used. The
     * row lock makes concurrent attempts queue: after the first commits, the others find it used.
     */
    public boolean markUsed(String hash, String usedBy, Instant now) {
        return em.createNativeQuery("""
                update payment_code set used_at = ?2, used_by = ?3
                where code_hash = ?1 and used_at is null and expires_at > ?2""")
                        .setParameter(1, hash)
                        .setParameter(2, now)
                        .setParameter(3, usedBy)
                        .executeUpdate()
                == 1;
    }

    public void attachQuote(String hash, UUID quoteId, String quoteToken) {
        em.createNativeQuery("update payment_code set quote_id = ?2, quote_token = ?3 where code_hash = ?1")
                .setParameter(1, hash)
                .setParameter(2, quoteId)
                .setParameter(3, quoteToken)
                .executeUpdate();
    }

    /** Gives a code back after the payment it was used for was refused (as a rolled-back use would). */
    public void release(String hash) {
        em.createNativeQuery(
                        "update payment_code set used_at = null, used_by = null, quote_id = null, quote_token = null"
                                + " where code_hash = ?1")
                .setParameter(1, hash)
                .executeUpdate();
    }

    public Optional<PaymentCodeState> find(String hash) {
        return SqlRow.first(
                SqlRow.query(
                        em,
                        "select wallet_id, owner, expires_at, used_at, used_by, quote_id, quote_token from payment_code"
                                + " where code_hash = ?1",
                        hash),
                r -> new PaymentCodeState(
                        r.uuid("wallet_id"),
                        r.string("owner"),
                        r.instant("expires_at"),
                        r.instant("used_at"),
                        r.string("used_by"),
                        r.uuid("quote_id"),
                        r.string("quote_token")));
    }
}
