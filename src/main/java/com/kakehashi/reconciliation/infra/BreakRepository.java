package com.kakehashi.reconciliation.infra;

import com.kakehashi.common.sql.SqlRow;
import com.kakehashi.reconciliation.domain.BreakEvent;
import com.kakehashi.reconciliation.domain.BreakRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Breaks and their audit trail. A break's key (outcome + expected item + statement entry) survives a
 * corrected statement. Only the results of one matching run are turned into breaks at a time.
 */
@ApplicationScoped
public class BreakRepository {
    private static final String KEY = """
            m.outcome || ':' || coalesce(m.expected_item_id::text, '-') || ':'
              || coalesce(s.account || '/' || s.statement_ref || '/' || s.page || '/' || m.seq, '-')""";
    private static final String BREAK_OUTCOMES = """
            ('AMOUNT_MISMATCH', 'MISSING_AT_BANK', 'UNEXPECTED_AT_BANK', 'DUPLICATE', 'UNPROCESSABLE', 'RETURNED_BY_BANK',
             'UNEXPECTED_CHARGE')""";

    @Inject
    EntityManager em;

    /**
     * The run's break outcomes for statement lines lo..hi (or, with no statement, its MISSING results)
     * become breaks: new ones are OPENED, ones cleared earlier are REOPENED, others keep their workflow.
     */
    public void sync(String bankId, UUID run, UUID statementId, int lo, int hi, Instant now) {
        String scope = statementId == null
                ? "m.statement_id is null"
                : "m.statement_id = cast(:s as uuid) and m.seq between :lo and :hi";
        var reopen = em.createNativeQuery("""
                update reconciliation_break b set status = 'OPEN', reason_code = null, updated_at = :now,
                    version = b.version + 1, statement_id = m.statement_id, difference_minor = m.difference_minor,
                    detail = m.detail
                from match_result m left join bank_statement s on s.id = m.statement_id
                where m.run_id = :run and %s and m.outcome in %s and b.break_key = %s and b.reason_code = 'CLEARED'
                returning b.id""".formatted(scope, BREAK_OUTCOMES, KEY), UUID.class);
        bindScope(reopen, run, statementId, lo, hi).setParameter("now", now);
        for (Object id : reopen.getResultList()) {
            event((UUID) id, "REOPENED", "matcher", "the difference is back", now);
        }
        var insert = em.createNativeQuery("""
                insert into reconciliation_break (id, bank_id, break_key, outcome, expected_item_id, statement_id, seq, kind,
                    batch_id, amount_minor, difference_minor, currency, value_date, status, created_at, updated_at, detail)
                select gen_random_uuid(), m.bank_id, %s, m.outcome, m.expected_item_id, m.statement_id, m.seq, x.kind,
                       x.batch_id, coalesce(se.amount_minor, x.amount_minor), m.difference_minor,
                       coalesce(se.currency, x.currency, s.currency), coalesce(se.value_date, x.value_date), 'OPEN', :now, :now,
                       m.detail
                from match_result m
                left join expected_item x on x.id = m.expected_item_id
                left join bank_statement s on s.id = m.statement_id
                left join statement_entry se on se.statement_id = m.statement_id and se.seq = m.seq
                where m.run_id = :run and %s and m.outcome in %s
                on conflict (break_key) do update set difference_minor = excluded.difference_minor,
                    statement_id = excluded.statement_id, detail = excluded.detail
                returning id, (xmax = 0) inserted, outcome""".formatted(KEY, scope, BREAK_OUTCOMES), jakarta.persistence.Tuple.class);
        bindScope(insert, run, statementId, lo, hi).setParameter("now", now);
        for (Object row : insert.getResultList()) {
            var t = (jakarta.persistence.Tuple) row;
            if (Boolean.TRUE.equals(t.get("inserted"))) {
                event((UUID) t.get("id"), "OPENED", "matcher", (String) t.get("outcome"), now);
            }
        }
    }

    private static jakarta.persistence.Query bindScope(
            jakarta.persistence.Query q, UUID run, UUID statementId, int lo, int hi) {
        q.setParameter("run", run);
        if (statementId != null) {
            q.setParameter("s", statementId).setParameter("lo", lo).setParameter("hi", hi);
        }
        return q;
    }

    /** Breaks still pointing at statements that were superseded (or undone) are no longer differences: CLEARED. */
    public void clearOf(List<UUID> statementIds, Instant now) {
        if (statementIds.isEmpty()) {
            return;
        }
        List<?> cleared = em.createNativeQuery("""
                update reconciliation_break set status = 'RESOLVED', reason_code = 'CLEARED', updated_at = :now,
                    comment = 'no longer a difference: the statement was replaced', version = version + 1
                where statement_id in (:ids) and status <> 'RESOLVED' returning id""", UUID.class)
                .setParameter("ids", statementIds)
                .setParameter("now", now)
                .getResultList();
        for (Object id : cleared) {
            event((UUID) id, "CLEARED", "matcher", "no longer a difference after re-matching", now);
        }
    }

    public void cleared(List<UUID> breakIds, Instant now) {
        for (UUID id : breakIds) {
            event(id, "CLEARED", "matcher", "found on a later statement", now);
        }
    }

    public void event(UUID breakId, String action, String actor, String detail, Instant at) {
        em.createNativeQuery(
                        "insert into reconciliation_break_event (break_id, action, actor, detail, at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, breakId)
                .setParameter(2, action)
                .setParameter(3, actor)
                .setParameter(4, detail)
                .setParameter(5, at)
                .executeUpdate();
    }

    private static final String SELECT = """
            select b.id, b.bank_id, b.outcome, b.kind, b.expected_item_id, b.statement_id, s.statement_ref, b.seq,
                   se.entry_no, b.batch_id, coalesce(se.end_to_end_id, x.reference) end_to_end_id, se.bank_reference,
                   coalesce(se.counterparty, x.counterparty) counterparty, b.amount_minor, b.difference_minor, b.currency,
                   b.value_date, b.status, b.assignee, b.reason_code, b.comment, b.detail, b.created_at, b.updated_at,
                   b.version
            from reconciliation_break b
            left join bank_statement s on s.id = b.statement_id
            left join statement_entry se on se.statement_id = b.statement_id and se.seq = b.seq
            left join expected_item x on x.id = b.expected_item_id
            """;

    /** @param openedBefore only breaks opened before this instant (an age filter applied before paging), or null */
    public List<BreakRecord> list(
            String bankId,
            String outcome,
            String status,
            String kind,
            UUID batchId,
            Instant openedBefore,
            int offset,
            int limit) {
        return rows(
                SELECT + """
                where (cast(?1 as varchar) is null or b.bank_id = cast(?1 as varchar))
                  and (cast(?2 as varchar) is null or b.outcome = cast(?2 as varchar))
                  and (cast(?3 as varchar) is null or b.status = cast(?3 as varchar))
                  and (cast(?4 as varchar) is null or b.kind = cast(?4 as varchar))
                  and (cast(?5 as uuid) is null or b.batch_id = cast(?5 as uuid))
                  and b.created_at < cast(?8 as timestamptz)
                order by b.created_at, b.id offset ?6 limit ?7""",
                bankId,
                outcome,
                status,
                kind,
                batchId,
                offset,
                limit,
                openedBefore == null ? NO_AGE_LIMIT : openedBefore);
    }

    /** Later than any break's opening: the list's age filter when none is asked for. */
    private static final Instant NO_AGE_LIMIT = Instant.parse("9999-12-31T00:00:00Z");

    public Optional<BreakRecord> byId(UUID id) {
        return rows(SELECT + " where b.id = ?1", id).stream().findFirst();
    }

    /** Compare-and-set on the version: a stale change is refused. */
    public boolean update(
            UUID id, long version, String status, String assignee, String reasonCode, String comment, Instant now) {
        return em.createNativeQuery("""
                update reconciliation_break set status = ?3, assignee = ?4, reason_code = ?5, comment = ?6,
                    updated_at = ?7, version = version + 1 where id = ?1 and version = ?2""")
                        .setParameter(1, id)
                        .setParameter(2, version)
                        .setParameter(3, status)
                        .setParameter(4, assignee)
                        .setParameter(5, reasonCode)
                        .setParameter(6, comment)
                        .setParameter(7, now)
                        .executeUpdate()
                == 1;
    }

    public List<BreakEvent> events(UUID breakId) {
        return SqlRow.list(
                SqlRow.query(
                        em,
                        "select action, actor, detail, at from reconciliation_break_event"
                                + " where break_id = ?1 order by id",
                        breakId),
                r -> new BreakEvent(r.string("action"), r.string("actor"), r.string("detail"), r.instant("at")));
    }

    /**
     * The breaks of {@code bankId} this transaction opened at {@code at}, in the order they were opened (their
     * OPENED events carry this transaction's id).
     */
    public List<BreakRecord> openedInThisTransaction(String bankId, Instant at) {
        return rows(SELECT + """
                join reconciliation_break_event e on e.break_id = b.id
                where e.action = 'OPENED' and e.at = ?1 and b.bank_id = ?2
                  and e.xmin::text::bigint = pg_current_xact_id()::text::bigint % 4294967296
                order by e.id""", at, bankId);
    }

    private List<BreakRecord> rows(String sql, Object... params) {
        return SqlRow.list(
                SqlRow.query(em, sql, params),
                r -> new BreakRecord(
                        r.uuid("id"),
                        r.string("bank_id"),
                        r.string("outcome"),
                        r.string("kind"),
                        r.uuid("expected_item_id"),
                        r.uuid("statement_id"),
                        r.string("statement_ref"),
                        r.intOrNull("seq"),
                        r.intOrNull("entry_no"),
                        r.uuid("batch_id"),
                        r.string("end_to_end_id"),
                        r.string("bank_reference"),
                        r.string("counterparty"),
                        r.minor("amount_minor", "currency"),
                        r.minor("difference_minor", "currency"),
                        r.string("currency"),
                        r.date("value_date"),
                        r.string("status"),
                        r.string("assignee"),
                        r.string("reason_code"),
                        r.string("comment"),
                        r.string("detail"),
                        r.instant("created_at"),
                        r.instant("updated_at"),
                        r.longValue("version")));
    }

    /** Counts and sums by outcome over statements, one batch, or one bank and day; sums are exact (numeric). */
    public record OutcomeTotals(String outcome, long count, java.math.BigInteger amountMinor) {}

    public List<OutcomeTotals> totals(String bankId, List<UUID> statementIds, UUID batchId, LocalDate day) {
        String statements = statementIds == null ? "true" : "m.statement_id in (:statements)";
        var query = em.createNativeQuery("""
                select m.outcome, count(*) n, coalesce(sum(coalesce(se.amount_minor, x.amount_minor)::numeric), 0) total
                from match_result m
                left join statement_entry se on se.statement_id = m.statement_id and se.seq = m.seq
                left join expected_item x on x.id = m.expected_item_id
                left join bank_statement s on s.id = m.statement_id
                where (cast(:bank as varchar) is null or m.bank_id = cast(:bank as varchar))
                  and %s
                  and (cast(:batch as uuid) is null or x.batch_id = cast(:batch as uuid))
                  and (cast(:day as date) is null or coalesce(s.statement_date, x.value_date) = cast(:day as date))
                group by m.outcome order by m.outcome""".formatted(statements), jakarta.persistence.Tuple.class)
                .setParameter("bank", bankId)
                .setParameter("batch", batchId)
                .setParameter("day", day);
        if (statementIds != null) {
            query.setParameter("statements", statementIds.isEmpty() ? List.of(new UUID(0, 0)) : statementIds);
        }
        return SqlRow.list(
                query,
                r -> new OutcomeTotals(
                        r.string("outcome"),
                        r.longValue("n"),
                        r.decimal("total").toBigIntegerExact()));
    }
}
