package com.kakehashi.console.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Read-only projections the console shows and the settlement feature's services do not offer yet: a batch's state
 * history, delivery attempts and files (ADR 0013 names them). Payment figures, pending top-ups and the statements
 * received moved to their features' services ({@code PaymentFigures}, {@code TopUpFigures},
 * {@code ReceivedStatements}). These read settlement's own tables (the one source of truth); every write the
 * console makes goes through the features' services.
 */
@ApplicationScoped
public class ConsoleReads {
    @Inject
    DataSource dataSource;

    public record BatchEvent(String state, String detail, String actor, Instant at) {}

    public record Delivery(
            String format, String channel, String target, int attempt, String outcome, String detail, Instant at) {}

    public record BatchFile(String format, String fileName, String sha256) {}

    public List<BatchEvent> batchEvents(UUID batchId) {
        return query(
                "select state, detail, actor, at from settlement_batch_event where batch_id = ? order by id",
                rs -> new BatchEvent(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()),
                batchId);
    }

    public List<Delivery> deliveries(UUID batchId) {
        return query(
                """
                select format, channel, target, attempt, outcome, detail, at from settlement_delivery
                where batch_id = ? order by id""",
                rs -> new Delivery(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()),
                batchId);
    }

    public List<BatchFile> batchFiles(UUID batchId) {
        return query(
                "select format, file_name, sha256 from settlement_file where batch_id = ? order by format",
                rs -> new BatchFile(rs.getString(1), rs.getString(2), rs.getString(3)),
                batchId);
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("console read failed: " + e.getMessage(), e);
        }
    }
}
