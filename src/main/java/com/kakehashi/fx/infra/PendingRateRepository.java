package com.kakehashi.fx.infra;

import com.kakehashi.common.sql.SqlRow;
import com.kakehashi.fx.domain.FxRate;
import com.kakehashi.fx.domain.PendingRate;
import com.kakehashi.fx.domain.PendingRateEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Figures held for a second operator, and the audit trail of their decisions (append-only). */
@ApplicationScoped
public class PendingRateRepository {
    private static final String SELECT = "select id, base, quote, mid, bid, ask, source, valid_from, received_at,"
            + " submitted_by, rate_in_force, deviation_bps, band_bps, status, decided_by, decided_at, reason, version"
            + " from fx_rate_pending";

    @Inject
    EntityManager em;

    /** Holds the figure unless the same source already holds one for this pair and instant; returns the held row. */
    public PendingRate holdIfAbsent(PendingRate pending) {
        FxRate rate = pending.rate();
        int inserted = em.createNativeQuery("""
                insert into fx_rate_pending (id, base, quote, mid, bid, ask, source, valid_from, received_at, submitted_by,
                    rate_in_force, deviation_bps, band_bps, status)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'PENDING_APPROVAL')
                on conflict (base, quote, source, valid_from) where status = 'PENDING_APPROVAL' do nothing""")
                .setParameter(1, pending.id())
                .setParameter(2, rate.pair().base())
                .setParameter(3, rate.pair().quote())
                .setParameter(4, rate.mid())
                .setParameter(5, rate.bid())
                .setParameter(6, rate.ask())
                .setParameter(7, rate.source())
                .setParameter(8, rate.validFrom())
                .setParameter(9, rate.receivedAt())
                .setParameter(10, pending.submittedBy())
                .setParameter(11, pending.rateInForce())
                .setParameter(12, pending.deviationBps())
                .setParameter(13, pending.bandBps())
                .executeUpdate();
        if (inserted == 1) {
            event(pending.id(), PendingRate.Status.PENDING_APPROVAL, pending.submittedBy(), rate.receivedAt(), null);
            return pending;
        }
        return many(
                        " where base = ?1 and quote = ?2 and source = ?3 and valid_from = ?4 and status = 'PENDING_APPROVAL'",
                        rate.pair().base(),
                        rate.pair().quote(),
                        rate.source(),
                        rate.validFrom())
                .getFirst();
    }

    public long countHeld(String source) {
        return ((Number) em.createNativeQuery(
                                "select count(*) from fx_rate_pending where source = ?1 and status = 'PENDING_APPROVAL'")
                        .setParameter(1, source)
                        .getSingleResult())
                .longValue();
    }

    public Optional<PendingRate> byId(UUID id) {
        return many(" where id = ?1", id).stream().findFirst();
    }

    /** Items in a state, oldest first, at most {@code limit}. */
    public List<PendingRate> inStatus(PendingRate.Status status, int limit) {
        return many(" where status = ?1 order by received_at, id limit " + limit, status.name());
    }

    /**
     * Records the decision if the item is still pending at the version the decider read; false when somebody
     * else decided first (the caller answers a conflict, never a second decision).
     */
    public boolean decide(
            UUID id,
            long version,
            PendingRate.Status status,
            String by,
            Instant at,
            String reason,
            Long publishedRateId) {
        int updated = em.createNativeQuery("""
                update fx_rate_pending set status = ?1, decided_by = ?2, decided_at = ?3, reason = cast(?4 as varchar),
                    published_rate_id = cast(?5 as bigint), version = version + 1
                where id = ?6 and version = ?7 and status = 'PENDING_APPROVAL'""")
                .setParameter(1, status.name())
                .setParameter(2, by)
                .setParameter(3, at)
                .setParameter(4, reason)
                .setParameter(5, publishedRateId)
                .setParameter(6, id)
                .setParameter(7, version)
                .executeUpdate();
        if (updated == 1) {
            event(id, status, by, at, reason);
        }
        return updated == 1;
    }

    /** The audit trail of one item, oldest first. */
    public List<PendingRateEvent> events(UUID id) {
        return SqlRow.list(
                SqlRow.query(
                        em,
                        "select status, actor, at, reason from fx_rate_pending_event where pending_id = ?1 order by id",
                        id),
                r -> new PendingRateEvent(
                        r.enumValue("status", PendingRate.Status.class),
                        r.string("actor"),
                        r.instant("at"),
                        r.string("reason")));
    }

    private void event(UUID id, PendingRate.Status status, String actor, Instant at, String reason) {
        em.createNativeQuery("insert into fx_rate_pending_event (pending_id, status, actor, at, reason)"
                        + " values (?1, ?2, ?3, ?4, cast(?5 as varchar))")
                .setParameter(1, id)
                .setParameter(2, status.name())
                .setParameter(3, actor)
                .setParameter(4, at)
                .setParameter(5, reason)
                .executeUpdate();
    }

    private List<PendingRate> many(String where, Object... params) {
        return SqlRow.list(SqlRow.query(em, SELECT + where, params), PendingRateRepository::map);
    }

    private static PendingRate map(SqlRow r) {
        FxRate rate = FxRateRows.rate(r);
        return new PendingRate(
                r.uuid("id"),
                rate,
                r.string("submitted_by"),
                FxRateRows.strip(r.decimal("rate_in_force")),
                r.longValue("deviation_bps"),
                r.intValue("band_bps"),
                r.enumValue("status", PendingRate.Status.class),
                r.string("decided_by"),
                r.instant("decided_at"),
                r.string("reason"),
                r.longValue("version"));
    }
}
