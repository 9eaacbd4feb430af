package com.kakehashi.reconciliation.infra;

import com.kakehashi.common.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Breaks and their audit trail. A break's key (outcome + expected item + statement entry) survives re-matching. */
@ApplicationScoped
public class BreakRepository {
    private static final String KEY = """
            m.outcome || ':' || coalesce(m.expected_item_id::text, '-') || ':'
              || coalesce(s.account || '/' || s.statement_ref || '/' || m.seq, '-')""";

    @Inject
    EntityManager em;

    /** Every non-MATCHED result becomes (or stays) a break; breaks no longer found are closed as CLEARED. */
    public void sync(String bankId, Instant now) {
        em.createNativeQuery("""
                insert into reconciliation_break (id, bank_id, break_key, outcome, expected_item_id, statement_id, seq, kind,
                    batch_id, amount_minor, difference_minor, currency, value_date, status, created_at, updated_at)
                select gen_random_uuid(), ?1, %s, m.outcome, m.expected_item_id, m.statement_id, m.seq, x.kind, x.batch_id,
                       coalesce(se.amount_minor, x.amount_minor), m.difference_minor, coalesce(se.currency, x.currency),
                       coalesce(se.value_date, x.value_date), 'OPEN', ?2, ?2
                from match_result m
                left join expected_item x on x.id = m.expected_item_id
                left join bank_statement s on s.id = m.statement_id
                left join statement_entry se on se.statement_id = m.statement_id and se.seq = m.seq
                where m.bank_id = ?1 and m.outcome <> 'MATCHED'
                on conflict (break_key) do update set
                    difference_minor = excluded.difference_minor, statement_id = excluded.statement_id,
                    status = case when reconciliation_break.reason_code = 'CLEARED' then 'OPEN' else reconciliation_break.status end,
                    reason_code = case when reconciliation_break.reason_code = 'CLEARED' then null else reconciliation_break.reason_code end,
                    updated_at = case when reconciliation_break.reason_code = 'CLEARED' then excluded.updated_at
                                      else reconciliation_break.updated_at end""".formatted(KEY))
                .setParameter(1, bankId).setParameter(2, now).executeUpdate();
        em.createNativeQuery("""
                insert into reconciliation_break_event (break_id, action, actor, detail, at)
                select b.id, 'OPENED', 'matcher', b.outcome, ?2 from reconciliation_break b
                where b.bank_id = ?1 and b.status = 'OPEN' and b.updated_at = ?2
                  and not exists (select 1 from reconciliation_break_event ev where ev.break_id = b.id and ev.at = ?2)""")
                .setParameter(1, bankId).setParameter(2, now).executeUpdate();
        List<?> cleared = em.createNativeQuery("""
                update reconciliation_break b set status = 'RESOLVED', reason_code = 'CLEARED', updated_at = ?2,
                    comment = 'no longer a difference after re-matching', version = version + 1
                where b.bank_id = ?1 and b.status <> 'RESOLVED' and not exists (
                    select 1 from match_result m left join bank_statement s on s.id = m.statement_id
                    where m.bank_id = ?1 and m.outcome <> 'MATCHED' and %s = b.break_key)
                returning b.id""".formatted(KEY)).setParameter(1, bankId).setParameter(2, now).getResultList();
        for (Object id : cleared) {
            event((UUID) id, "CLEARED", "matcher", "no longer a difference after re-matching", now);
        }
    }

    public void event(UUID breakId, String action, String actor, String detail, Instant at) {
        em.createNativeQuery("insert into reconciliation_break_event (break_id, action, actor, detail, at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, breakId).setParameter(2, action).setParameter(3, actor).setParameter(4, detail)
                .setParameter(5, at).executeUpdate();
    }

    public record BreakRow(UUID id, String bankId, String outcome, String kind, UUID expectedItemId, UUID statementId,
            Integer seq, UUID batchId, Long amountMinor, long differenceMinor, String currency, LocalDate valueDate,
            String status, String assignee, String reasonCode, String comment, Instant createdAt, Instant updatedAt,
            long version) {
    }

    private static final String COLUMNS = "id, bank_id, outcome, kind, expected_item_id, statement_id, seq, batch_id,"
            + " amount_minor, difference_minor, currency, value_date, status, assignee, reason_code, comment, created_at,"
            + " updated_at, version";

    public List<BreakRow> list(String bankId, String outcome, String status, String kind, UUID batchId, int offset, int limit) {
        return rows("where (cast(?1 as varchar) is null or bank_id = cast(?1 as varchar))"
                + " and (cast(?2 as varchar) is null or outcome = cast(?2 as varchar))"
                + " and (cast(?3 as varchar) is null or status = cast(?3 as varchar))"
                + " and (cast(?4 as varchar) is null or kind = cast(?4 as varchar))"
                + " and (cast(?5 as uuid) is null or batch_id = cast(?5 as uuid))"
                + " order by created_at, id offset " + offset + " limit " + limit, bankId, outcome, status, kind, batchId);
    }

    public Optional<BreakRow> byId(UUID id) {
        return rows("where id = ?1", id).stream().findFirst();
    }

    /** Compare-and-set on the version: a stale change is refused. */
    public boolean update(UUID id, long version, String status, String assignee, String reasonCode, String comment,
            Instant now) {
        return em.createNativeQuery("""
                update reconciliation_break set status = ?3, assignee = ?4, reason_code = ?5, comment = ?6,
                    updated_at = ?7, version = version + 1 where id = ?1 and version = ?2""")
                .setParameter(1, id).setParameter(2, version).setParameter(3, status).setParameter(4, assignee)
                .setParameter(5, reasonCode).setParameter(6, comment).setParameter(7, now).executeUpdate() == 1;
    }

    public record EventRow(String action, String actor, String detail, Instant at) {
    }

    public List<EventRow> events(UUID breakId) {
        List<?> rows = em.createNativeQuery("select action, actor, detail, at from reconciliation_break_event"
                + " where break_id = ?1 order by id", Object[].class).setParameter(1, breakId).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new EventRow((String) r[0], (String) r[1], (String) r[2],
                SqlValues.instant(r[3]))).toList();
    }

    private List<BreakRow> rows(String where, Object... params) {
        var query = em.createNativeQuery("select " + COLUMNS + " from reconciliation_break " + where, Object[].class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new BreakRow((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (UUID) r[4], (UUID) r[5], r[6] == null ? null : ((Number) r[6]).intValue(), (UUID) r[7],
                r[8] == null ? null : ((Number) r[8]).longValue(), ((Number) r[9]).longValue(), (String) r[10],
                r[11] == null ? null : r[11] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[11],
                (String) r[12], (String) r[13], (String) r[14], (String) r[15], SqlValues.instant(r[16]), SqlValues.instant(r[17]),
                ((Number) r[18]).longValue())).toList();
    }

    /** Counts and sums by outcome over one statement, one batch, or one bank and day. */
    public record OutcomeTotals(String outcome, long count, long amountMinor) {
    }

    public List<OutcomeTotals> totals(String bankId, UUID statementId, UUID batchId, LocalDate day) {
        List<?> rows = em.createNativeQuery("""
                select m.outcome, count(*), coalesce(sum(coalesce(se.amount_minor, x.amount_minor)), 0)
                from match_result m
                left join statement_entry se on se.statement_id = m.statement_id and se.seq = m.seq
                left join expected_item x on x.id = m.expected_item_id
                left join bank_statement s on s.id = m.statement_id
                where (cast(?1 as varchar) is null or m.bank_id = cast(?1 as varchar))
                  and (cast(?2 as uuid) is null or m.statement_id = cast(?2 as uuid))
                  and (cast(?3 as uuid) is null or x.batch_id = cast(?3 as uuid))
                  and (cast(?4 as date) is null or coalesce(s.statement_date, x.value_date) = cast(?4 as date))
                group by m.outcome order by m.outcome""", Object[].class)
                .setParameter(1, bankId).setParameter(2, statementId).setParameter(3, batchId).setParameter(4, day)
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new OutcomeTotals((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue())).toList();
    }

}
