package com.kakehashi.settlement.infra;

import com.kakehashi.common.money.Currencies;
import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.common.sql.SqlRow;
import com.kakehashi.settlement.domain.BatchState;
import com.kakehashi.settlement.domain.SettlementBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.money.Monetary;

/**
 * Settlement batches and their window: one row per bank and cut-off, its state moved by compare-and-set with an
 * append-only event per move, its totals set when it closes. Rows are read by column name.
 */
@ApplicationScoped
public class BatchRepository {
    private static final String BATCH_COLUMNS = "id, bank_id, cutoff, currency, state, failure_reason, payout_minor,"
            + " fee_minor, fx_sold_minor, fx_bought_minor, items_total, items_done, created_at, updated_at, execution_date";

    @Inject
    EntityManager em;

    /** The batch's state and version (bumped by every state change). */
    public record LockedBatch(BatchState state, long version) {}

    /** What a batch closing sets: totals in the batch's currency, FX cover (null for a yen bank), item count. */
    public record Totals(
            MinorAmount payout,
            MinorAmount fee,
            MinorAmount fxSold,
            MinorAmount fxBought,
            int items,
            LocalDate executionDate) {}

    /** Creates the batch unless this bank and cut-off already have one; true when this call created it. */
    public boolean insertIfAbsent(UUID id, String bankId, Instant cutoff, String currency, Instant now) {
        return em.createNativeQuery("""
                insert into settlement_batch (id, bank_id, cutoff, currency, state, created_at, updated_at)
                values (?1, ?2, ?3, ?4, 'OPEN', ?5, ?5) on conflict (bank_id, cutoff) do nothing""")
                        .setParameter(1, id)
                        .setParameter(2, bankId)
                        .setParameter(3, cutoff)
                        .setParameter(4, currency)
                        .setParameter(5, now)
                        .executeUpdate()
                == 1;
    }

    public Optional<SettlementBatch> byBankAndCutoff(String bankId, Instant cutoff) {
        return batches("where bank_id = ?1 and cutoff = ?2", bankId, cutoff).stream()
                .findFirst();
    }

    public Optional<SettlementBatch> byId(UUID id) {
        return batches("where id = ?1", id).stream().findFirst();
    }

    public Optional<Instant> latestCutoff(String bankId) {
        return SqlRow.list(
                        SqlRow.query(
                                em, "select max(cutoff) as latest from settlement_batch where bank_id = ?1", bankId),
                        r -> Optional.ofNullable(r.instant("latest")))
                .getFirst();
    }

    /** The cut-off of the bank's batch before this one, if any. */
    public Optional<Instant> previousCutoff(String bankId, Instant cutoff) {
        return SqlRow.list(
                        SqlRow.query(
                                em,
                                "select max(cutoff) as previous from settlement_batch where bank_id = ?1"
                                        + " and cutoff < ?2",
                                bankId,
                                cutoff),
                        r -> Optional.ofNullable(r.instant("previous")))
                .getFirst();
    }

    public List<SettlementBatch> list(String bankId, String state, Instant from, Instant to, int offset, int limit) {
        return batches(
                "where (cast(?1 as varchar) is null or bank_id = cast(?1 as varchar))"
                        + " and (cast(?2 as varchar) is null or state = cast(?2 as varchar)) and cutoff >= ?3 and cutoff < ?4"
                        + " order by cutoff desc, bank_id offset " + offset + " limit " + limit,
                bankId,
                state,
                from,
                to);
    }

    public List<SettlementBatch> inProgress() {
        return batches("where state in ('OPEN', 'CLOSED', 'FILES_WRITTEN') order by cutoff");
    }

    /** Locks the batch row for this transaction: concurrent runs of the same step queue here, then see its result. */
    public BatchState lock(UUID id) {
        return lockWithVersion(id).state();
    }

    /** Locks the batch row if settlement has such a batch (a claim from outside may name one it does not). */
    public java.util.Optional<LockedBatch> lockedIfPresent(UUID id) {
        return SqlRow.first(
                SqlRow.query(em, "select state, version from settlement_batch where id = ?1 for update", id),
                BatchRepository::lockedBatch);
    }

    /** The batch's state and version as committed now, without a lock (what a caller saw). */
    public LockedBatch stateAndVersion(UUID id) {
        return SqlRow.single(
                SqlRow.query(em, "select state, version from settlement_batch where id = ?1", id),
                BatchRepository::lockedBatch);
    }

    /** The batch's state and version, its row locked for this transaction. */
    public LockedBatch lockWithVersion(UUID id) {
        return lockedIfPresent(id).orElseThrow(() -> new IllegalStateException("no settlement batch " + id));
    }

    /**
     * Compare-and-set on the state, with an event row: false when another run already moved it. The state
     * type decides which moves exist; a move it does not allow is a programming error, never written.
     */
    public boolean moveState(UUID id, BatchState from, BatchState to, String detail, String actor, Instant now) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("a batch never moves from " + from + " to " + to);
        }
        int updated = em.createNativeQuery("""
                update settlement_batch set state = ?3, updated_at = ?4, version = version + 1,
                    failure_reason = case when ?3 = 'FAILED' then ?5 else null end
                where id = ?1 and state = ?2""")
                .setParameter(1, id)
                .setParameter(2, from.name())
                .setParameter(3, to.name())
                .setParameter(4, now)
                .setParameter(5, detail)
                .executeUpdate();
        if (updated == 1) {
            em.createNativeQuery(
                            "insert into settlement_batch_event (batch_id, state, detail, actor, at) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, id)
                    .setParameter(2, to.name())
                    .setParameter(3, detail)
                    .setParameter(4, actor)
                    .setParameter(5, now)
                    .executeUpdate();
        }
        return updated == 1;
    }

    public void setTotals(UUID batchId, Totals totals) {
        em.createNativeQuery("""
                update settlement_batch set payout_minor = ?2, fee_minor = ?3, fx_sold_minor = ?4, fx_bought_minor = ?5,
                    items_total = ?6, execution_date = ?7 where id = ?1""")
                .setParameter(1, batchId)
                .setParameter(2, totals.payout().amount())
                .setParameter(3, totals.fee().amount())
                .setParameter(
                        4, totals.fxSold() == null ? null : totals.fxSold().amount())
                .setParameter(
                        5, totals.fxBought() == null ? null : totals.fxBought().amount())
                .setParameter(6, totals.items())
                .setParameter(7, totals.executionDate())
                .executeUpdate();
    }

    public void setItemsDone(UUID batchId, int done) {
        em.createNativeQuery("update settlement_batch set items_done = ?2 where id = ?1")
                .setParameter(1, batchId)
                .setParameter(2, done)
                .executeUpdate();
    }

    private List<SettlementBatch> batches(String where, Object... params) {
        return SqlRow.list(
                SqlRow.query(em, "select " + BATCH_COLUMNS + " from settlement_batch " + where, params),
                BatchRepository::batch);
    }

    private static LockedBatch lockedBatch(SqlRow r) {
        return new LockedBatch(r.enumValue("state", BatchState.class), r.longValue("version"));
    }

    private static SettlementBatch batch(SqlRow r) {
        var currency = Monetary.getCurrency(r.string("currency"));
        return new SettlementBatch(
                r.uuid("id"),
                r.string("bank_id"),
                r.instant("cutoff"),
                currency,
                r.enumValue("state", BatchState.class),
                r.string("failure_reason"),
                r.minor("payout_minor", currency),
                r.minor("fee_minor", currency),
                r.minor("fx_sold_minor", Currencies.JPY),
                r.minor("fx_bought_minor", currency),
                r.intOrNull("items_total"),
                r.intValue("items_done"),
                r.instant("created_at"),
                r.instant("updated_at"),
                r.date("execution_date"));
    }
}
