package com.kakehashi.reconciliation.infra;

import com.kakehashi.common.sql.SqlRow;
import com.kakehashi.reconciliation.domain.ReceivedStatement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The statements received, newest first, as lists show them (read-only). */
@ApplicationScoped
public class ReceivedStatementRepository {
    private static final String SELECT = """
            select id, bank_id, format, statement_ref, account, currency, opening_minor, closing_minor,
                   entries_total_minor, balanced, statement_date, entry_count, superseded, received_by, received_at
            from bank_statement""";

    @Inject
    EntityManager em;

    /** {@code bankId} null means every bank. */
    public List<ReceivedStatement> page(String bankId, int offset, int limit) {
        return rows(
                SELECT + " where (cast(?1 as varchar) is null or bank_id = cast(?1 as varchar))"
                        + " order by received_at desc, id offset ?2 limit ?3",
                bankId,
                offset,
                limit);
    }

    public Optional<ReceivedStatement> byId(UUID id) {
        return rows(SELECT + " where id = ?1", id).stream().findFirst();
    }

    private List<ReceivedStatement> rows(String sql, Object... params) {
        return SqlRow.list(
                SqlRow.query(em, sql, params),
                r -> new ReceivedStatement(
                        r.uuid("id"),
                        r.string("bank_id"),
                        r.string("format"),
                        r.string("statement_ref"),
                        r.string("account"),
                        r.string("currency"),
                        r.minor("opening_minor", "currency"),
                        r.minor("closing_minor", "currency"),
                        r.minor("entries_total_minor", "currency"),
                        Boolean.TRUE.equals(r.boolOrNull("balanced")),
                        r.date("statement_date"),
                        r.intValue("entry_count"),
                        Boolean.TRUE.equals(r.boolOrNull("superseded")),
                        r.string("received_by"),
                        r.instant("received_at")));
    }
}
