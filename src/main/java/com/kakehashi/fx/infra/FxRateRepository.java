package com.kakehashi.fx.infra;

import com.kakehashi.common.sql.SqlRow;
import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.FxRate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The rate store: insert-only, read by pair and time, or in id order to follow new rates. */
@ApplicationScoped
public class FxRateRepository {
    @Inject
    EntityManager em;

    public record StoredRate(long id, FxRate rate) {}

    /** The row now stored for the rate's source, pair and instant, and whether this call inserted it. */
    public record Insertion(StoredRate stored, boolean inserted) {}

    /** Inserts unless the source already published this pair at this instant; returns the stored row either way. */
    public Insertion insertIfAbsent(FxRate rate, String recordedBy) {
        int inserted = em.createNativeQuery("""
                insert into fx_rate (base, quote, mid, bid, ask, source, valid_from, received_at, recorded_by)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (base, quote, source, valid_from) do nothing""")
                .setParameter(1, rate.pair().base())
                .setParameter(2, rate.pair().quote())
                .setParameter(3, rate.mid())
                .setParameter(4, rate.bid())
                .setParameter(5, rate.ask())
                .setParameter(6, rate.source())
                .setParameter(7, rate.validFrom())
                .setParameter(8, rate.receivedAt())
                .setParameter(9, recordedBy)
                .executeUpdate();
        StoredRate stored = one(
                        "where base = ?1 and quote = ?2 and source = ?3 and valid_from = ?4",
                        rate.pair().base(),
                        rate.pair().quote(),
                        rate.source(),
                        rate.validFrom())
                .orElseThrow();
        return new Insertion(stored, inserted == 1);
    }

    /** A stored rate with the transaction that stored it (xid8, as a long), for following new rates. */
    public record FollowedRate(long id, long storedByXact, FxRate rate) {}

    /**
     * The oldest transaction still running in this statement's snapshot: every transaction below it has
     * ended, so its rates are visible now and for ever; one at or above it may still commit later.
     */
    public long snapshotHorizon() {
        Object xmin = em.createNativeQuery("select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)")
                .getSingleResult();
        return Long.parseLong((String) xmin);
    }

    /**
     * One page of the rates stored by transactions at or above a horizon, in (transaction, id) order after the
     * given key: start with ({@code horizon}, 0), continue after the last row's (storedByXact, id). One index
     * range scan on {@code fx_rate_stored_by_xact}.
     */
    public List<FollowedRate> storedAfter(long xact, long afterId, int limit) {
        return SqlRow.list(
                SqlRow.query(
                        em,
                        "select id, base, quote, mid, bid, ask, source, valid_from, received_at,"
                                + " cast(stored_by_xact as text) as xact from fx_rate"
                                + " where (stored_by_xact, id) > (cast(?1 as xid8), ?2) order by stored_by_xact, id limit ?3",
                        Long.toString(xact),
                        afterId,
                        limit),
                r -> {
                    StoredRate stored = map(r);
                    return new FollowedRate(stored.id(), Long.parseLong(r.string("xact")), stored.rate());
                });
    }

    /** The rate this source published for the pair at this instant, if any. */
    public Optional<StoredRate> find(String source, CurrencyPair pair, Instant validFrom) {
        return one(
                "where base = ?1 and quote = ?2 and source = ?3 and valid_from = ?4",
                pair.base(),
                pair.quote(),
                source,
                validFrom);
    }

    public List<StoredRate> history(CurrencyPair pair, Instant from, Instant to, long offset, int limit) {
        return SqlRow.list(
                SqlRow.query(
                        em,
                        SELECT + " where base = ?1 and quote = ?2 and valid_from >= ?3 and valid_from < ?4"
                                + " order by valid_from desc, id desc offset ?5 limit ?6",
                        pair.base(),
                        pair.quote(),
                        from,
                        to,
                        offset,
                        limit),
                FxRateRepository::map);
    }

    private static final String SELECT =
            "select id, base, quote, mid, bid, ask, source, valid_from, received_at from fx_rate";

    private Optional<StoredRate> one(String where, Object... params) {
        return many(where, params).stream().findFirst();
    }

    private List<StoredRate> many(String where, Object... params) {
        return SqlRow.list(SqlRow.query(em, SELECT + " " + where, params), FxRateRepository::map);
    }

    private static StoredRate map(SqlRow r) {
        return new StoredRate(r.longValue("id"), FxRateRows.rate(r));
    }
}
