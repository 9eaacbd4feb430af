package com.kakehashi.reconciliation.infra;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.common.sql.SqlRow;
import com.kakehashi.reconciliation.domain.StatementEntry;
import com.kakehashi.reconciliation.domain.StatementHeader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.postgresql.PGConnection;

/** Statements and their entries; entries go in with COPY, a chunk at a time, as they are read. */
@ApplicationScoped
public class StatementRepository {
    @Inject
    EntityManager em;

    /** A statement begins unprocessed: matching never sees it until its intake has stored it whole. */
    public void begin(
            UUID id,
            UUID intakeId,
            String bankId,
            StatementHeader header,
            String sha256,
            String receivedBy,
            Instant at) {
        em.createNativeQuery("""
                insert into bank_statement (id, intake_id, bank_id, account, statement_ref, page, format, sha256, currency,
                    opening_minor, closing_minor, entries_total_minor, balanced, statement_date, entry_count, processed,
                    received_by, received_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, false, ?12, 0, false, ?13, ?14)""")
                .setParameter(1, id)
                .setParameter(2, intakeId)
                .setParameter(3, bankId)
                .setParameter(4, header.account())
                .setParameter(5, header.statementRef())
                .setParameter(6, header.page())
                .setParameter(7, header.format().name())
                .setParameter(8, sha256)
                .setParameter(9, header.currency())
                .setParameter(
                        10, header.opening() == null ? null : header.opening().amount())
                .setParameter(
                        11, header.closing() == null ? null : header.closing().amount())
                .setParameter(12, header.statementDate())
                .setParameter(13, receivedBy)
                .setParameter(14, at)
                .executeUpdate();
    }

    /** Totals once the last line is stored (the sum was checked for overflow: it fits a bigint). */
    public void finish(UUID id, BigInteger entriesTotal, boolean balanced, int count) {
        em.createNativeQuery("update bank_statement set entries_total_minor = ?2, balanced = ?3, entry_count = ?4"
                        + " where id = ?1")
                .setParameter(1, id)
                .setParameter(2, entriesTotal.longValueExact())
                .setParameter(3, balanced)
                .setParameter(4, count)
                .executeUpdate();
    }

    /** Earlier, still current versions of the same statement page: a corrected statement supersedes them. */
    public List<UUID> earlierVersions(UUID id) {
        return SqlRow.column(em.createNativeQuery("""
                select o.id from bank_statement o join bank_statement n on n.id = ?1
                where o.bank_id = n.bank_id and o.account = n.account and o.statement_ref = n.statement_ref
                  and o.page = n.page and o.id <> n.id and o.processed and not o.superseded""", UUID.class).setParameter(1, id), UUID.class);
    }

    public void supersede(UUID old, UUID by) {
        em.createNativeQuery("update bank_statement set superseded = true, superseded_by = ?2 where id = ?1")
                .setParameter(1, old)
                .setParameter(2, by)
                .executeUpdate();
    }

    public void markProcessed(UUID id) {
        em.createNativeQuery("update bank_statement set processed = true where id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    public List<UUID> ofIntake(UUID intakeId) {
        return SqlRow.column(
                em.createNativeQuery(
                                "select id from bank_statement where intake_id = ?1 order by received_at, id",
                                UUID.class)
                        .setParameter(1, intakeId),
                UUID.class);
    }

    /** Statements the given ones superseded: after a failed intake they are current again. */
    public List<UUID> supersededBy(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return SqlRow.column(
                em.createNativeQuery("select id from bank_statement where superseded_by in (:ids)", UUID.class)
                        .setParameter("ids", ids),
                UUID.class);
    }

    public void restore(UUID id) {
        em.createNativeQuery("update bank_statement set superseded = false, superseded_by = null where id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    /** Removes what a failed intake stored of one statement (its entries, problems, results were undone first). */
    public void delete(UUID id) {
        em.createNativeQuery("delete from statement_entry where statement_id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        em.createNativeQuery("delete from statement_line_problem where statement_id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        em.createNativeQuery("delete from bank_statement where id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    public void lineProblems(UUID statementId, Map<Integer, String> problems) {
        problems.forEach((seq, reason) -> em.createNativeQuery(
                        "insert into statement_line_problem (statement_id, seq, reason) values (?1, ?2, ?3)")
                .setParameter(1, statementId)
                .setParameter(2, seq)
                .setParameter(3, reason)
                .executeUpdate());
    }

    public int maxSeq(UUID statementId) {
        Object max = em.createNativeQuery("""
                select greatest(coalesce((select max(seq) from statement_entry where statement_id = ?1), 0),
                                coalesce((select max(seq) from statement_line_problem where statement_id = ?1), 0))""").setParameter(1, statementId).getSingleResult();
        return ((Number) max).intValue();
    }

    /** Copies a chunk of entries (already read) into statement_entry. */
    public void copyEntries(UUID statementId, List<StatementEntry> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        com.kakehashi.common.sql.RestartableWork.relax(em);
        StringBuilder csv = new StringBuilder(chunk.size() * 140);
        for (StatementEntry e : chunk) {
            var b = e.booking();
            csv.append(statementId)
                    .append(',')
                    .append(e.seq())
                    .append(',')
                    .append(e.entryNo())
                    .append(',')
                    .append(e.direction())
                    .append(',')
                    .append(e.amount().amount())
                    .append(',')
                    .append(e.amount().currencyCode())
                    .append(',')
                    .append(e.valueDate())
                    .append(',')
                    .append(quoted(e.endToEndId()))
                    .append(',')
                    .append(quoted(e.bankReference()))
                    .append(',')
                    .append(quoted(e.counterparty()))
                    .append(',')
                    .append(b.status())
                    .append(',')
                    .append(b.reversal())
                    .append(',')
                    .append(b.kind())
                    .append(',')
                    .append(quoted(b.batchRef()))
                    .append(',')
                    .append(b.batchCount() == null ? "" : b.batchCount())
                    .append(',')
                    .append(quoted(b.returnReason()))
                    .append('\n');
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try {
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "copy statement_entry (statement_id, seq, entry_no,"
                                        + " direction, amount_minor, currency, value_date, end_to_end_id, bank_reference, counterparty, status,"
                                        + " reversal, kind, batch_ref, batch_count, return_reason) from stdin (format csv)",
                                new StringReader(csv.toString()));
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
        });
    }

    public record StatementRow(
            UUID id,
            UUID intakeId,
            String bankId,
            String account,
            String statementRef,
            int page,
            String format,
            String currency,
            MinorAmount opening,
            MinorAmount closing,
            MinorAmount entriesTotal,
            boolean balanced,
            LocalDate statementDate,
            int entryCount,
            boolean superseded) {}

    private static final String STATEMENT_COLUMNS = """
            select id, intake_id, bank_id, account, statement_ref, page, format, currency, opening_minor, closing_minor,
                   entries_total_minor, balanced, statement_date, entry_count, superseded from bank_statement""";

    public Optional<StatementRow> byId(UUID id) {
        return SqlRow.list(SqlRow.query(em, STATEMENT_COLUMNS + " where id = ?1", id), StatementRepository::statement)
                .stream()
                .findFirst();
    }

    public List<StatementRow> byIntake(UUID intakeId) {
        return SqlRow.list(
                SqlRow.query(em, STATEMENT_COLUMNS + " where intake_id = ?1 order by statement_ref, page", intakeId),
                StatementRepository::statement);
    }

    private static StatementRow statement(SqlRow r) {
        return new StatementRow(
                r.uuid("id"),
                r.uuid("intake_id"),
                r.string("bank_id"),
                r.string("account"),
                r.string("statement_ref"),
                r.intValue("page"),
                r.string("format"),
                r.string("currency"),
                r.minor("opening_minor", "currency"),
                r.minor("closing_minor", "currency"),
                r.minor("entries_total_minor", "currency"),
                r.boolOrNull("balanced"),
                r.date("statement_date"),
                r.intValue("entry_count"),
                r.boolOrNull("superseded"));
    }

    private static String quoted(String value) {
        if (value == null) {
            return "";
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
