package com.kakehashi.reconciliation.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Matching of one bank, set-based, from scratch: the previous result is replaced, so running it again
 * (after a corrected, late or repeated statement) converges to the same answer. Rules, in order:
 * <ol>
 * <li>END_TO_END_ID: an entry carrying an expected item's reference. The first such entry (by statement
 *     date, statement reference, sequence) is MATCHED when direction agrees and the amount is within the
 *     tolerance, else AMOUNT_MISMATCH; later ones are DUPLICATE.</li>
 * <li>AMOUNT_DATE_COUNTERPARTY: the remaining entries and expected items pair up, n-th with n-th, when
 *     direction, exact amount, value date and counterparty (case-insensitive, or both absent) agree.</li>
 * <li>Entries left: UNEXPECTED_AT_BANK. Expected items left a grace period after their value date
 *     (counted up to the bank's latest statement date): MISSING_AT_BANK.</li>
 * </ol>
 */
@ApplicationScoped
public class MatchingRepository {
    private static final String ENTRIES = """
            select se.statement_id, se.seq, se.direction, se.amount_minor, se.value_date, se.end_to_end_id,
                   se.counterparty, s.statement_date, s.statement_ref
            from statement_entry se join bank_statement s on s.id = se.statement_id
            where s.bank_id = :bank and not s.superseded""";

    @Inject
    EntityManager em;

    public void rematch(String bankId, long toleranceMinor, int graceDays, Instant now) {
        em.createNativeQuery("delete from match_result where bank_id = ?1").setParameter(1, bankId).executeUpdate();
        execute("""
                insert into match_result (bank_id, statement_id, seq, expected_item_id, outcome, rule, difference_minor, matched_at)
                with e as (%s),
                by_ref as (
                    select e.statement_id, e.seq, x.id xid, e.amount_minor - x.amount_minor diff, e.direction = x.direction same,
                           row_number() over (partition by x.id order by e.statement_date, e.statement_ref, e.seq) n
                    from e join expected_item x on x.bank_id = :bank and x.reference = e.end_to_end_id)
                select :bank, statement_id, seq, xid,
                       case when n > 1 then 'DUPLICATE' when same and abs(diff) <= :tolerance then 'MATCHED' else 'AMOUNT_MISMATCH' end,
                       'END_TO_END_ID', diff, :now from by_ref""".formatted(ENTRIES), bankId, toleranceMinor, graceDays, now);
        execute("""
                insert into match_result (bank_id, statement_id, seq, expected_item_id, outcome, rule, difference_minor, matched_at)
                with e as (%s),
                left_entries as (
                    select e.*, row_number() over (partition by e.direction, e.amount_minor, e.value_date,
                               lower(coalesce(e.counterparty, '')) order by e.statement_date, e.statement_ref, e.seq) k
                    from e where not exists (select 1 from match_result m where m.bank_id = :bank
                                             and m.statement_id = e.statement_id and m.seq = e.seq)),
                left_expected as (
                    select x.*, row_number() over (partition by x.direction, x.amount_minor, x.value_date,
                               lower(coalesce(x.counterparty, '')) order by x.created_at, x.id) k
                    from expected_item x where x.bank_id = :bank
                      and not exists (select 1 from match_result m where m.expected_item_id = x.id and m.bank_id = :bank))
                select :bank, le.statement_id, le.seq, lx.id, 'MATCHED', 'AMOUNT_DATE_COUNTERPARTY', 0, :now
                from left_entries le join left_expected lx on lx.direction = le.direction
                  and lx.amount_minor = le.amount_minor and lx.value_date = le.value_date
                  and lower(coalesce(lx.counterparty, '')) = lower(coalesce(le.counterparty, '')) and lx.k = le.k"""
                .formatted(ENTRIES), bankId, toleranceMinor, graceDays, now);
        execute("""
                insert into match_result (bank_id, statement_id, seq, expected_item_id, outcome, rule, difference_minor, matched_at)
                with e as (%s)
                select :bank, e.statement_id, e.seq, null, 'UNEXPECTED_AT_BANK', 'NONE', 0, :now from e
                where not exists (select 1 from match_result m where m.bank_id = :bank
                                  and m.statement_id = e.statement_id and m.seq = e.seq)""".formatted(ENTRIES),
                bankId, toleranceMinor, graceDays, now);
        execute("""
                insert into match_result (bank_id, statement_id, seq, expected_item_id, outcome, rule, difference_minor, matched_at)
                select :bank, null, null, x.id, 'MISSING_AT_BANK', 'NONE', 0, :now from expected_item x
                where x.bank_id = :bank
                  and x.value_date + :grace <= (select max(statement_date) from bank_statement where bank_id = :bank and not superseded)
                  and not exists (select 1 from match_result m where m.expected_item_id = x.id and m.bank_id = :bank
                                  and m.outcome in ('MATCHED', 'AMOUNT_MISMATCH'))""",
                bankId, toleranceMinor, graceDays, now);
    }

    private void execute(String sql, String bankId, long tolerance, int graceDays, Instant now) {
        var query = em.createNativeQuery(sql);
        if (sql.contains(":bank")) {
            query.setParameter("bank", bankId);
        }
        if (sql.contains(":tolerance")) {
            query.setParameter("tolerance", tolerance);
        }
        if (sql.contains(":grace")) {
            query.setParameter("grace", graceDays);
        }
        if (sql.contains(":now")) {
            query.setParameter("now", now);
        }
        query.executeUpdate();
    }

    /** Expected top-up debits and how matching left them: the wallet confirms or fails the PENDING ones. */
    public record TopUpOutcome(String reference, String outcome, String bankReference) {
    }

    public List<TopUpOutcome> topUpOutcomes(String bankId, LocalDate since) {
        List<?> rows = em.createNativeQuery("""
                select x.reference, m.outcome, se.bank_reference from expected_item x
                join match_result m on m.expected_item_id = x.id and m.bank_id = ?1
                left join statement_entry se on se.statement_id = m.statement_id and se.seq = m.seq
                where x.bank_id = ?1 and x.kind = 'TOP_UP_DEBIT' and x.value_date >= ?2
                  and m.outcome in ('MATCHED', 'MISSING_AT_BANK')""", Object[].class)
                .setParameter(1, bankId).setParameter(2, since).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new TopUpOutcome((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    /** Batches of this bank whose every instruction is MATCHED or whose break is resolved. */
    public List<UUID> reconciledBatches(String bankId) {
        List<?> rows = em.createNativeQuery("""
                select x.batch_id from expected_item x
                where x.bank_id = ?1 and x.batch_id is not null
                group by x.batch_id
                having bool_and(exists (select 1 from match_result m where m.expected_item_id = x.id
                                          and m.bank_id = ?1 and m.outcome = 'MATCHED')
                             or exists (select 1 from reconciliation_break b where b.expected_item_id = x.id
                                          and b.status = 'RESOLVED' and b.reason_code <> 'CLEARED'))""")
                .setParameter(1, bankId).getResultList();
        return rows.stream().map(r -> (UUID) r).toList();
    }
}
