package com.kakehashi.reconciliation.infra;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.common.sql.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The breaks the current transaction opened. {@link BreakRepository#sync} writes one OPENED event for each break it
 * inserts (never for one it sees again or reopens); an event row whose {@code xmin} is this transaction's id was
 * written by this transaction. The partial index on OPENED events by time (V12_2) keeps the look-up to the run's
 * own events, so matching pays one indexed query per transaction for it.
 */
@ApplicationScoped
public class OpenedBreakRepository {
    @Inject
    EntityManager em;

    /** A break as its opening is announced: its references, amounts and what is off. */
    public record OpenedBreak(
            UUID id,
            String bankId,
            String outcome,
            String kind,
            UUID statementId,
            String statementRef,
            Integer entry,
            UUID batchId,
            UUID expectedItemId,
            String endToEndId,
            String bankReference,
            String counterparty,
            MinorAmount amount,
            MinorAmount difference,
            String currency,
            LocalDate valueDate,
            String detail,
            Instant createdAt) {}

    /** The breaks of {@code bankId} this transaction opened at {@code at}, in the order they were opened. */
    public List<OpenedBreak> openedInThisTransaction(String bankId, Instant at) {
        return SqlRow.list(
                SqlRow.query(em, """
                select b.id, b.bank_id, b.outcome, b.kind, b.statement_id, s.statement_ref, coalesce(se.entry_no, b.seq) entry,
                       b.batch_id, b.expected_item_id, coalesce(se.end_to_end_id, x.reference) end_to_end_id,
                       se.bank_reference, coalesce(se.counterparty, x.counterparty) counterparty, b.amount_minor,
                       b.difference_minor, b.currency, b.value_date, b.detail, b.created_at
                from reconciliation_break_event e
                join reconciliation_break b on b.id = e.break_id
                left join bank_statement s on s.id = b.statement_id
                left join statement_entry se on se.statement_id = b.statement_id and se.seq = b.seq
                left join expected_item x on x.id = b.expected_item_id
                where e.action = 'OPENED' and e.at = ?1 and b.bank_id = ?2
                  and e.xmin::text::bigint = pg_current_xact_id()::text::bigint % 4294967296
                order by e.id""", at, bankId),
                r -> new OpenedBreak(
                        r.uuid("id"),
                        r.string("bank_id"),
                        r.string("outcome"),
                        r.string("kind"),
                        r.uuid("statement_id"),
                        r.string("statement_ref"),
                        r.intOrNull("entry"),
                        r.uuid("batch_id"),
                        r.uuid("expected_item_id"),
                        r.string("end_to_end_id"),
                        r.string("bank_reference"),
                        r.string("counterparty"),
                        r.minor("amount_minor", "currency"),
                        r.minor("difference_minor", "currency"),
                        r.string("currency"),
                        r.date("value_date"),
                        r.string("detail"),
                        r.instant("created_at")));
    }
}
