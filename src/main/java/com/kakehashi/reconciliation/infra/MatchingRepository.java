package com.kakehashi.reconciliation.infra;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.common.sql.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Incremental matching: only the new statement's entries (a window of them at a time) and the bank's
 * open expected items take part; earlier results stay as they are, so a bank's next one-line statement
 * costs what one line costs. Rules, in order, per window:
 * <ol>
 * <li>lines that could not be read: UNPROCESSABLE (with the reason); pending entries (PDNG): PENDING.</li>
 * <li>REVERSAL: a reversing entry (RvslInd) finds the booking it cancels by end-to-end id: that result
 *     becomes REVERSED and its expected item is open again.</li>
 * <li>RETURN: a credit with return information (RtrInf) names the returned payout: RETURNED_BY_BANK.</li>
 * <li>END_TO_END_ID: an entry (or a transaction of a batch-booked entry) carrying an open expected item's
 *     reference: MATCHED when direction agrees and the amount is within the tolerance, else AMOUNT_MISMATCH;
 *     a further entry for an item already found: DUPLICATE.</li>
 * <li>BATCH: a batch booked as one total finds its batch by PmtInfId, else by total, direction and value
 *     date; every open instruction of the batch is MATCHED (a different total is one AMOUNT_MISMATCH).</li>
 * <li>CHARGE_FEE: a bank charge (CHRG) pairs with an open expected fee of the same amount, else
 *     UNEXPECTED_CHARGE.</li>
 * <li>AMOUNT_DATE_COUNTERPARTY: remaining entries and open items pair up, n-th with n-th, when direction,
 *     amount, value date and counterparty (case-insensitive, or both absent) agree.</li>
 * <li>Entries left: UNEXPECTED_AT_BANK.</li>
 * </ol>
 * Then open items a grace period past their value date (counted to the bank's latest statement date) are
 * MISSING_AT_BANK. An item found on a statement is closed; undoing a statement (superseded, or its intake
 * failed) opens its items again.
 */
@ApplicationScoped
public class MatchingRepository {
    private static final String INSERT = """
            insert into match_result (bank_id, statement_id, seq, expected_item_id, outcome, rule, difference_minor,
                matched_at, run_id, detail)
            """;
    /** Opens items again (a reversal, an undone statement): the rows of the open-item table come back. */
    private static final String REOPEN = """
            insert into open_expected_item (id, bank_id, kind, reference, direction, amount_minor, value_date)
            select x.id, x.bank_id, x.kind, x.reference, x.direction, x.amount_minor, x.value_date from expected_item x
            """;

    private static final String IS_OPEN = "exists (select 1 from open_expected_item o where o.id = x.id)";
    /** Found earlier in this window: items close once, at the window's end, so later rules must skip them. */
    private static final String UNCLAIMED = "not exists (select 1 from match_result c where c.expected_item_id = x.id"
            + " and c.run_id = :run and c.outcome in ('MATCHED', 'AMOUNT_MISMATCH'))";

    private static final String WINDOW = "statement_id = :s and seq between :lo and :hi";
    private static final String BOOKED = WINDOW + " and status = 'BOOK' and not reversal";
    private static final String NO_RESULT =
            "not exists (select 1 from match_result m where m.statement_id = :s and m.seq = e.seq)";

    @Inject
    EntityManager em;

    /** Opens the items a statement's entries had closed and forgets its results. */
    public void undo(UUID statementId) {
        em.createNativeQuery(REOPEN + """
                where x.id in (select expected_item_id from match_result
                    where statement_id = ?1 and outcome in ('MATCHED', 'AMOUNT_MISMATCH') and expected_item_id is not null)
                on conflict do nothing""").setParameter(1, statementId).executeUpdate();
        em.createNativeQuery("delete from match_result where statement_id = ?1")
                .setParameter(1, statementId)
                .executeUpdate();
    }

    /** Matches entries lo..hi of one statement; returns the ids of MISSING breaks its matches cleared. */
    public List<UUID> matchWindow(String bank, UUID s, int lo, int hi, long tolerance, UUID run, Instant now) {
        Map<String, Object> p =
                Map.of("bank", bank, "s", s, "lo", lo, "hi", hi, "tol", tolerance, "run", run, "now", now);
        com.kakehashi.common.sql.RestartableWork.relax(em);
        execute(INSERT + """
                select :bank, p.statement_id, p.seq, null, 'UNPROCESSABLE', 'NONE', 0, :now, :run, p.reason
                from statement_line_problem p where p.""" + WINDOW, p);
        execute(
                INSERT
                        + "select :bank, :s, e.seq, null, 'PENDING', 'NONE', 0, :now, :run, null from statement_entry e where e."
                        + WINDOW + " and e.status <> 'BOOK'",
                p);
        execute("""
                with rev as (select e.seq, e.end_to_end_id from statement_entry e
                             where e.%s and e.status = 'BOOK' and e.reversal and e.end_to_end_id is not null),
                orig as (select distinct on (r.seq) r.seq, m.ctid mrow, m.expected_item_id xid
                         from rev r join expected_item x on x.bank_id = :bank and x.reference = r.end_to_end_id
                         join match_result m on m.expected_item_id = x.id and m.outcome in ('MATCHED', 'AMOUNT_MISMATCH')
                         order by r.seq, m.matched_at desc),
                flipped as (update match_result m set outcome = 'REVERSED', detail = 'reversed by entry ' || o.seq
                            from orig o where m.ctid = o.mrow returning m.expected_item_id),
                reopened as (%s where x.id in (select expected_item_id from flipped) on conflict do nothing returning id)
                %s select :bank, :s, o.seq, o.xid, 'REVERSAL', 'REVERSAL', 0, :now, :run, null from orig o""".formatted(WINDOW, REOPEN, INSERT), p);
        execute(INSERT + """
                select :bank, :s, e.seq, x.id, 'RETURNED_BY_BANK', 'RETURN', 0, :now, :run, e.return_reason
                from statement_entry e join expected_item x on x.bank_id = :bank and x.reference = e.end_to_end_id
                  and x.kind = 'SETTLEMENT_INSTRUCTION'
                where e.%s and e.status = 'BOOK' and e.kind = 'RETURN'""".formatted(WINDOW), p);
        matchEndToEnd(p);
        matchBatchTotals(p);
        matchCharges(p);
        execute("""
                with le as (select e.seq, e.direction, e.amount_minor, e.value_date, lower(coalesce(e.counterparty, '')) cp,
                                   row_number() over (partition by e.direction, e.amount_minor, e.value_date,
                                       lower(coalesce(e.counterparty, '')) order by e.seq) k
                            from statement_entry e where e.%s and e.kind in ('SINGLE', 'BATCH_ITEM') and %s),
                lx as (select x.id, x.direction, x.amount_minor, x.value_date, lower(coalesce(x.counterparty, '')) cp,
                              row_number() over (partition by x.direction, x.amount_minor, x.value_date,
                                  lower(coalesce(x.counterparty, '')) order by x.created_at, x.id) k
                       from open_expected_item o join expected_item x on x.id = o.id where o.bank_id = :bank
                         and (o.amount_minor, o.value_date) in (select amount_minor, value_date from le) and %s)
                %s select :bank, :s, le.seq, lx.id, 'MATCHED', 'AMOUNT_DATE_COUNTERPARTY', 0, :now, :run, null
                from le join lx using (direction, amount_minor, value_date, cp, k)""".formatted(BOOKED, NO_RESULT, UNCLAIMED, INSERT), p);
        List<UUID> cleared = close(p);
        execute(
                INSERT + "select :bank, :s, e.seq, null, 'UNEXPECTED_AT_BANK', 'NONE', 0, :now, :run, null"
                        + " from statement_entry e where e." + WINDOW + " and e.status = 'BOOK' and " + NO_RESULT,
                p);
        return cleared;
    }

    /**
     * END_TO_END_ID: a line finds its open item by one probe of the narrow open-item table (the earliest line wins,
     * later ones in the window are DUPLICATE); only a line that finds none looks at all items, to tell a duplicate
     * of a found item from an unknown reference (which is left for the later rules). Found items close in the
     * same statement.
     */
    private void matchEndToEnd(Map<String, Object> p) {
        // Lateral probes only: a line's cost is one or two index probes whatever the planner believes about a
        // window just copied in (its statistics are not there yet), never a join re-planned per window.
        execute("""
                with e as (select seq, direction, amount_minor, end_to_end_id from statement_entry
                           where %1$s and kind in ('SINGLE', 'BATCH_ITEM') and end_to_end_id is not null),
                hits as (select e.*, o.id oid, o.amount_minor oamount, o.direction odirection
                         from e left join lateral (select o.id, o.amount_minor, o.direction from open_expected_item o
                                                   where o.bank_id = :bank and o.reference = e.end_to_end_id
                                                   order by o.id limit 1) o on true),
                found as (select seq, oid xid, amount_minor - oamount diff, direction = odirection same,
                                 row_number() over (partition by oid order by seq) n
                          from hits where oid is not null),
                seen as (select h.seq, x.id xid, h.amount_minor - x.amount_minor diff from hits h
                         cross join lateral (select x.id, x.amount_minor from expected_item x
                                             where x.bank_id = :bank and x.reference = h.end_to_end_id
                                             order by x.created_at limit 1) x
                         where h.oid is null),
                duplicates as (%2$s select :bank, :s, seq, xid, 'DUPLICATE', 'END_TO_END_ID', diff, :now, :run, null
                               from seen),
                results as (%2$s
                            select :bank, :s, seq, xid,
                                   case when n > 1 then 'DUPLICATE' when same and abs(diff) <= :tol then 'MATCHED'
                                        else 'AMOUNT_MISMATCH' end, 'END_TO_END_ID', diff, :now, :run, null from found
                            returning expected_item_id, outcome)
                delete from open_expected_item o using results r
                where o.id = r.expected_item_id and r.outcome in ('MATCHED', 'AMOUNT_MISMATCH')""".formatted(BOOKED, INSERT), p);
    }

    private void matchBatchTotals(Map<String, Object> p) {
        String picked = """
                with e as (select seq, direction, amount_minor, value_date, batch_ref from statement_entry
                           where %s and kind = 'BATCH_TOTAL'),
                batches as (select x.batch_id, 'KKH' || upper(replace(x.batch_id::text, '-', '')) pmtinf,
                                   sum(x.amount_minor) total, min(x.value_date) vd, min(x.direction) dir
                            from open_expected_item o join expected_item x on x.id = o.id
                            where o.bank_id = :bank and o.kind = 'SETTLEMENT_INSTRUCTION'
                              and x.batch_id is not null and %s group by x.batch_id),
                pick as (select distinct on (e.seq) e.seq, b.batch_id, e.amount_minor - b.total diff
                         from e join batches b on b.pmtinf = e.batch_ref
                           or (b.total = e.amount_minor and b.vd = e.value_date and b.dir = e.direction)
                         order by e.seq, (b.pmtinf = e.batch_ref) desc, b.batch_id)
                """.formatted(BOOKED, UNCLAIMED);
        execute(picked + INSERT + """
                select :bank, :s, k.seq, x.id, 'MATCHED', 'BATCH', 0, :now, :run, null
                from pick k join expected_item x on x.batch_id = k.batch_id and x.kind = 'SETTLEMENT_INSTRUCTION'
                where k.diff = 0""" + " and " + IS_OPEN + " and " + UNCLAIMED, p);
        execute(picked + INSERT + """
                select :bank, :s, k.seq, null, 'AMOUNT_MISMATCH', 'BATCH', k.diff, :now, :run, 'batch ' || k.batch_id
                from pick k where k.diff <> 0""", p);
    }

    private void matchCharges(Map<String, Object> p) {
        execute("""
                with e as (select seq, amount_minor, row_number() over (partition by amount_minor order by seq) k
                           from statement_entry where %s and kind = 'CHARGE' and direction = 'DBIT'),
                f as (select x.id, x.amount_minor, row_number() over (partition by x.amount_minor order by x.value_date,
                             x.created_at, x.id) k
                      from open_expected_item o join expected_item x on x.id = o.id where o.bank_id = :bank
                        and o.kind = 'FEE' and o.amount_minor in (select amount_minor from e) and %s)
                %s select :bank, :s, e.seq, f.id, 'MATCHED', 'CHARGE_FEE', 0, :now, :run, null
                from e join f using (amount_minor, k)""".formatted(BOOKED, UNCLAIMED, INSERT), p);
        execute(
                INSERT + "select :bank, :s, e.seq, null, 'UNEXPECTED_CHARGE', 'NONE', 0, :now, :run, 'bank charge'"
                        + " from statement_entry e where e." + BOOKED + " and e.kind = 'CHARGE' and " + NO_RESULT,
                p);
    }

    /**
     * Items the later rules found in this window close, once, after every rule ran (END_TO_END_ID closed its own);
     * MISSING results of any item found in the window go and their MISSING breaks are cleared (ids returned).
     */
    private List<UUID> close(Map<String, Object> p) {
        String found = "m.run_id = :run and m.statement_id = :s and m.seq between :lo and :hi"
                + " and m.outcome in ('MATCHED', 'AMOUNT_MISMATCH')";
        String sql = """
                with closed as (delete from open_expected_item o using match_result m
                                where %1$s and m.rule <> 'END_TO_END_ID' and m.expected_item_id = o.id),
                gone as (delete from match_result d where d.bank_id = :bank and d.outcome = 'MISSING_AT_BANK'
                           and exists (select 1 from match_result m where m.expected_item_id = d.expected_item_id and %1$s)
                         returning d.expected_item_id)
                update reconciliation_break b set status = 'RESOLVED', reason_code = 'CLEARED', updated_at = :now,
                    comment = 'found on a later statement', version = version + 1
                from gone g where b.break_key = 'MISSING_AT_BANK:' || g.expected_item_id || ':-' and b.status <> 'RESOLVED'
                returning b.id""".formatted(found);
        var query = em.createNativeQuery(sql, UUID.class);
        bind(query, sql, p);
        return SqlRow.column(query, UUID.class);
    }

    /** Open items a grace period past their value date, not yet reported: MISSING_AT_BANK. */
    public void missing(String bank, int graceDays, UUID run, Instant now) {
        execute(INSERT + """
                select :bank, null, null, x.id, 'MISSING_AT_BANK', 'NONE', 0, :now, :run, null from open_expected_item x
                where x.bank_id = :bank
                  and x.value_date + :grace <= (select max(statement_date) from bank_statement
                                                where bank_id = :bank and not superseded and processed)
                  and not exists (select 1 from match_result m where m.expected_item_id = x.id
                                  and m.outcome = 'MISSING_AT_BANK')""", Map.of("bank", bank, "grace", graceDays, "run", run, "now", now));
    }

    /** A line whose consequence failed (e.g. crediting its top-up): a break of its own, with the reason. */
    public void unprocessable(
            String bank, UUID statementId, int seq, UUID expectedItemId, String reason, UUID run, Instant now) {
        em.createNativeQuery(INSERT + " values (?1, ?2, ?3, ?4, 'UNPROCESSABLE', 'NONE', 0, ?5, ?6, ?7)")
                .setParameter(1, bank)
                .setParameter(2, statementId)
                .setParameter(3, seq)
                .setParameter(4, expectedItemId)
                .setParameter(5, now)
                .setParameter(6, run)
                .setParameter(7, reason)
                .executeUpdate();
    }

    private void execute(String sql, Map<String, Object> params) {
        var query = em.createNativeQuery(sql);
        bind(query, sql, params);
        query.executeUpdate();
    }

    private static void bind(jakarta.persistence.Query query, String sql, Map<String, Object> params) {
        params.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                query.setParameter(name, value);
            }
        });
    }

    /** Top-up debits this run found or declared missing: the wallet confirms or fails the PENDING ones. */
    public record TopUpOutcome(
            String reference,
            String outcome,
            String bankReference,
            UUID statementId,
            Integer seq,
            UUID expectedItemId) {}

    public List<TopUpOutcome> topUpOutcomes(String bank, UUID run) {
        // Only the funding bank has top-up debits: other banks' runs skip the join over all their results.
        boolean debitsTopUps = (Boolean) em.createNativeQuery(
                        "select exists (select 1 from expected_item where bank_id = ?1 and kind = 'TOP_UP_DEBIT')")
                .setParameter(1, bank)
                .getSingleResult();
        if (!debitsTopUps) {
            return List.of();
        }
        return SqlRow.list(
                SqlRow.query(em, """
                select x.reference, m.outcome, se.bank_reference, m.statement_id, m.seq, x.id xid from match_result m
                join expected_item x on x.id = m.expected_item_id
                left join statement_entry se on se.statement_id = m.statement_id and se.seq = m.seq
                where m.run_id = ?1 and x.kind = 'TOP_UP_DEBIT' and m.outcome in ('MATCHED', 'MISSING_AT_BANK')""", run),
                r -> new TopUpOutcome(
                        r.string("reference"),
                        r.string("outcome"),
                        r.string("bank_reference"),
                        r.uuid("statement_id"),
                        r.intOrNull("seq"),
                        r.uuid("xid")));
    }

    /** Payouts this run saw returned. */
    public record Returned(
            UUID batchId, String endToEndId, MinorAmount amount, String reasonCode, UUID statementId, int seq) {}

    public List<Returned> returned(UUID run) {
        return SqlRow.list(
                SqlRow.query(em, """
                select x.batch_id, x.reference, se.amount_minor, se.currency, m.detail, m.statement_id, m.seq
                from match_result m join expected_item x on x.id = m.expected_item_id
                join statement_entry se on se.statement_id = m.statement_id and se.seq = m.seq
                where m.run_id = ?1 and m.outcome = 'RETURNED_BY_BANK'""", run),
                r -> new Returned(
                        r.uuid("batch_id"),
                        r.string("reference"),
                        r.minor("amount_minor", "currency"),
                        r.string("detail"),
                        r.uuid("statement_id"),
                        r.intValue("seq")));
    }

    /** Of the batches whose items this run (or a resolution) touched: those whose every instruction is settled. */
    public List<UUID> reconciledBatches(String bankId, List<UUID> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        return SqlRow.column(
                em.createNativeQuery("""
                select x.batch_id from expected_item x
                where x.bank_id = :bank and x.batch_id in (:batches)
                group by x.batch_id
                having bool_and(exists (select 1 from match_result m where m.expected_item_id = x.id and m.outcome = 'MATCHED')
                             or exists (select 1 from reconciliation_break b where b.expected_item_id = x.id
                                          and b.status = 'RESOLVED' and b.reason_code <> 'CLEARED'))""", UUID.class)
                        .setParameter("bank", bankId)
                        .setParameter("batches", candidates),
                UUID.class);
    }

    public List<UUID> batchesOfRun(UUID run) {
        return SqlRow.column(em.createNativeQuery("""
                select distinct x.batch_id from match_result m join expected_item x on x.id = m.expected_item_id
                where m.run_id = ?1 and x.batch_id is not null""", UUID.class).setParameter(1, run), UUID.class);
    }

    public UUID batchOf(UUID expectedItemId) {
        List<UUID> rows = SqlRow.column(
                em.createNativeQuery(
                                "select batch_id from expected_item where id = ?1" + " and batch_id is not null",
                                UUID.class)
                        .setParameter(1, expectedItemId),
                UUID.class);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
