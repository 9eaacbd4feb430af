package com.kakehashi.reconciliation.infra;

import com.kakehashi.common.sql.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Statement files taken in and their processing state (RECEIVED, PROCESSING, PROCESSED, FAILED); each
 * change appends a row to statement_intake_event. The same bytes from the same bank are one intake unless
 * the earlier one FAILED.
 */
@ApplicationScoped
public class IntakeRepository {
    @Inject
    EntityManager em;

    public record IntakeRow(
            UUID id,
            String bankId,
            String kind,
            String charset,
            String sha256,
            long bytes,
            String spoolPath,
            String state,
            String problemCode,
            String problemDetail,
            int statements,
            int entries,
            int unprocessable,
            Boolean balanced,
            String format,
            String receivedBy,
            Instant receivedAt,
            Instant updatedAt) {}

    private static final String COLUMNS = """
            select id, bank_id, kind, charset, sha256, bytes, spool_path, state, problem_code, problem_detail, statements,
                   entries, unprocessable, balanced, format, received_by, received_at, updated_at from statement_intake""";

    /** Inserts a RECEIVED intake, or returns false when the same content is already received or processed. */
    public boolean insertIfNew(
            UUID id,
            String bankId,
            String kind,
            String charset,
            String sha256,
            long bytes,
            String spoolPath,
            String receivedBy,
            Instant at) {
        int inserted = em.createNativeQuery("""
                insert into statement_intake (id, bank_id, kind, charset, sha256, bytes, spool_path, state, received_by,
                    received_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'RECEIVED', ?8, ?9, ?9)
                on conflict (bank_id, sha256) where state <> 'FAILED' do nothing""")
                .setParameter(1, id)
                .setParameter(2, bankId)
                .setParameter(3, kind)
                .setParameter(4, charset)
                .setParameter(5, sha256)
                .setParameter(6, bytes)
                .setParameter(7, spoolPath)
                .setParameter(8, receivedBy)
                .setParameter(9, at)
                .executeUpdate();
        if (inserted == 1) {
            event(id, "RECEIVED", null, at);
        }
        return inserted == 1;
    }

    public Optional<IntakeRow> current(String bankId, String sha256) {
        return one(COLUMNS + " where bank_id = ?1 and sha256 = ?2 and state <> 'FAILED'", bankId, sha256);
    }

    public Optional<IntakeRow> byId(UUID id) {
        return one(COLUMNS + " where id = ?1", id);
    }

    /** The bank's oldest intake still to do (a PROCESSING one found under the bank's lock was orphaned by a crash). */
    public Optional<IntakeRow> next(String bankId) {
        return one(
                COLUMNS
                        + " where bank_id = ?1 and state in ('RECEIVED', 'PROCESSING') order by received_at, id limit 1",
                bankId);
    }

    public List<String> banksWithWork() {
        return SqlRow.column(
                em.createNativeQuery(
                        "select distinct bank_id from statement_intake" + " where state in ('RECEIVED', 'PROCESSING')",
                        String.class),
                String.class);
    }

    public void processing(UUID id, Instant at) {
        move(id, "PROCESSING", null, null, at);
    }

    public void processed(
            UUID id, String format, int statements, int entries, int unprocessable, boolean balanced, Instant at) {
        em.createNativeQuery("""
                update statement_intake set state = 'PROCESSED', format = ?2, statements = ?3, entries = ?4,
                    unprocessable = ?5, balanced = ?6, updated_at = ?7, version = version + 1 where id = ?1""")
                .setParameter(1, id)
                .setParameter(2, format)
                .setParameter(3, statements)
                .setParameter(4, entries)
                .setParameter(5, unprocessable)
                .setParameter(6, balanced)
                .setParameter(7, at)
                .executeUpdate();
        event(id, "PROCESSED", entries + " entries, " + unprocessable + " unprocessable", at);
    }

    public void failed(UUID id, String code, String detail, Instant at) {
        move(id, "FAILED", code, detail, at);
    }

    private void move(UUID id, String state, String code, String detail, Instant at) {
        em.createNativeQuery("""
                update statement_intake set state = ?2, problem_code = ?3, problem_detail = ?4, updated_at = ?5,
                    version = version + 1 where id = ?1""")
                .setParameter(1, id)
                .setParameter(2, state)
                .setParameter(3, code)
                .setParameter(4, detail)
                .setParameter(5, at)
                .executeUpdate();
        event(id, state, detail, at);
    }

    private void event(UUID id, String state, String detail, Instant at) {
        em.createNativeQuery(
                        "insert into statement_intake_event (intake_id, state, detail, at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id)
                .setParameter(2, state)
                .setParameter(3, detail)
                .setParameter(4, at)
                .executeUpdate();
    }

    private Optional<IntakeRow> one(String sql, Object... params) {
        return SqlRow.list(SqlRow.query(em, sql, params), IntakeRepository::intake).stream()
                .findFirst();
    }

    private static IntakeRow intake(SqlRow r) {
        return new IntakeRow(
                r.uuid("id"),
                r.string("bank_id"),
                r.string("kind"),
                r.string("charset"),
                r.string("sha256"),
                r.longValue("bytes"),
                r.string("spool_path"),
                r.string("state"),
                r.string("problem_code"),
                r.string("problem_detail"),
                r.intValue("statements"),
                r.intValue("entries"),
                r.intValue("unprocessable"),
                r.boolOrNull("balanced"),
                r.string("format"),
                r.string("received_by"),
                r.instant("received_at"),
                r.instant("updated_at"));
    }
}
