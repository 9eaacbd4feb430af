package com.kakehashi.reconciliation.infra;

import com.kakehashi.reconciliation.domain.StatementEntry;
import com.kakehashi.reconciliation.domain.StatementHeader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.postgresql.PGConnection;

/** Statements and their entries; entries go in with COPY, a chunk at a time, as they are read. */
@ApplicationScoped
public class StatementRepository {
    @Inject
    EntityManager em;

    public Optional<UUID> sameStatement(String bankId, String account, String ref, String sha256) {
        List<?> rows = em.createNativeQuery("select id from bank_statement where bank_id = ?1 and account = ?2"
                        + " and statement_ref = ?3 and sha256 = ?4")
                .setParameter(1, bankId).setParameter(2, account).setParameter(3, ref).setParameter(4, sha256).getResultList();
        return rows.stream().map(r -> (UUID) r).findFirst();
    }

    /** The same bytes from the same bank were received before (the same statement, sent twice). */
    public Optional<UUID> sameContent(String bankId, String sha256) {
        List<?> rows = em.createNativeQuery("select id from bank_statement where bank_id = ?1 and sha256 = ?2")
                .setParameter(1, bankId).setParameter(2, sha256).getResultList();
        return rows.stream().map(r -> (UUID) r).findFirst();
    }

    /** An earlier, different version of the same statement is superseded by the corrected one. */
    public int supersedeEarlier(String bankId, String account, String ref, UUID keep) {
        return em.createNativeQuery("update bank_statement set superseded = true where bank_id = ?1 and account = ?2"
                        + " and statement_ref = ?3 and id <> ?4 and not superseded")
                .setParameter(1, bankId).setParameter(2, account).setParameter(3, ref).setParameter(4, keep).executeUpdate();
    }

    public void insert(UUID id, String bankId, StatementHeader header, String sha256, long entriesTotal, int count,
            String receivedBy, Instant at) {
        em.createNativeQuery("""
                insert into bank_statement (id, bank_id, account, statement_ref, format, sha256, currency, opening_minor,
                    closing_minor, entries_total_minor, balanced, statement_date, entry_count, received_by, received_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)""")
                .setParameter(1, id).setParameter(2, bankId).setParameter(3, header.account())
                .setParameter(4, header.statementRef()).setParameter(5, header.format().name()).setParameter(6, sha256)
                .setParameter(7, header.currency()).setParameter(8, header.openingMinor())
                .setParameter(9, header.closingMinor()).setParameter(10, entriesTotal)
                .setParameter(11, header.addsUp(entriesTotal)).setParameter(12, header.statementDate())
                .setParameter(13, count).setParameter(14, receivedBy).setParameter(15, at).executeUpdate();
    }

    /** Copies a chunk of entries (already read) into statement_entry. */
    public void copyEntries(UUID statementId, List<StatementEntry> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(chunk.size() * 120);
        for (StatementEntry e : chunk) {
            csv.append(statementId).append(',').append(e.seq()).append(',').append(e.direction()).append(',')
                    .append(e.amountMinor()).append(',').append(e.currency()).append(',').append(e.valueDate()).append(',')
                    .append(quoted(e.endToEndId())).append(',').append(quoted(e.bankReference())).append(',')
                    .append(quoted(e.counterparty())).append('\n');
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy statement_entry (statement_id, seq,"
                        + " direction, amount_minor, currency, value_date, end_to_end_id, bank_reference, counterparty)"
                        + " from stdin (format csv)", new StringReader(csv.toString()));
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
        });
    }

    public record StatementRow(UUID id, String bankId, String account, String statementRef, String format, String currency,
            Long openingMinor, Long closingMinor, long entriesTotalMinor, boolean balanced, java.time.LocalDate statementDate,
            int entryCount, boolean superseded) {
    }

    public Optional<StatementRow> byId(UUID id) {
        List<?> rows = em.createNativeQuery("""
                select id, bank_id, account, statement_ref, format, currency, opening_minor, closing_minor,
                       entries_total_minor, balanced, statement_date, entry_count, superseded
                from bank_statement where id = ?1""", Object[].class).setParameter(1, id).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new StatementRow((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], r[6] == null ? null : ((Number) r[6]).longValue(),
                r[7] == null ? null : ((Number) r[7]).longValue(), ((Number) r[8]).longValue(), (Boolean) r[9],
                r[10] instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) r[10], ((Number) r[11]).intValue(), (Boolean) r[12])).findFirst();
    }

    private static String quoted(String value) {
        if (value == null) {
            return "";
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
