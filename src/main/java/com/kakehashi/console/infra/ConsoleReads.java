package com.kakehashi.console.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Read-only projections the console shows and the features' services do not offer yet: today's payment
 * figures, a batch's state history and delivery attempts, the statements received. They read the features'
 * own tables (the one source of truth); every write the console makes goes through the features' services.
 */
@ApplicationScoped
public class ConsoleReads {
    @Inject
    DataSource dataSource;

    public record CorridorDay(String walletCurrency, String merchantCurrency, long payments, long priceMinor,
            long chargeMinor) {
    }

    public record Minute(Instant minute, long payments) {
    }

    public record CurrencyTotal(String currency, long count, long amountMinor) {
    }

    public record PendingTopUps(long count, long amountMinor, Instant oldest) {
    }

    public record BatchEvent(String state, String detail, String actor, Instant at) {
    }

    public record Delivery(String format, String channel, String target, int attempt, String outcome, String detail,
            Instant at) {
    }

    public record BatchFile(String format, String fileName, String sha256) {
    }

    public record Statement(UUID id, String bankId, String format, String reference, String account, String currency,
            Long openingMinor, Long closingMinor, long entriesTotalMinor, boolean balanced, LocalDate date, int entries,
            boolean superseded, String receivedBy, Instant receivedAt) {
    }

    public List<CorridorDay> paymentsSince(Instant since) {
        return query("""
                select charge_currency, price_currency, count(*), sum(price_minor), sum(charge_minor) from payment
                where captured_at >= ? group by charge_currency, price_currency order by charge_currency, price_currency""",
                rs -> new CorridorDay(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                Timestamp.from(since));
    }

    public List<Minute> paymentsPerMinute(Instant since) {
        return query("""
                select date_trunc('minute', captured_at), count(*) from payment where captured_at >= ?
                group by 1 order by 1""", rs -> new Minute(rs.getTimestamp(1).toInstant(), rs.getLong(2)),
                Timestamp.from(since));
    }

    public List<CurrencyTotal> refundsSince(Instant since) {
        return query("""
                select price_currency, count(*), sum(price_minor) from refund where created_at >= ?
                group by price_currency order by price_currency""",
                rs -> new CurrencyTotal(rs.getString(1), rs.getLong(2), rs.getLong(3)), Timestamp.from(since));
    }

    public List<CurrencyTotal> pendingTopUps() {
        return query("""
                select currency, count(*), sum(amount_minor) from top_up where status = 'PENDING'
                group by currency order by currency""",
                rs -> new CurrencyTotal(rs.getString(1), rs.getLong(2), rs.getLong(3)));
    }

    public List<BatchEvent> batchEvents(UUID batchId) {
        return query("select state, detail, actor, at from settlement_batch_event where batch_id = ? order by id",
                rs -> new BatchEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
                batchId);
    }

    public List<Delivery> deliveries(UUID batchId) {
        return query("""
                select format, channel, target, attempt, outcome, detail, at from settlement_delivery
                where batch_id = ? order by id""",
                rs -> new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()), batchId);
    }

    public List<BatchFile> batchFiles(UUID batchId) {
        return query("select format, file_name, sha256 from settlement_file where batch_id = ? order by format",
                rs -> new BatchFile(rs.getString(1), rs.getString(2), rs.getString(3)), batchId);
    }

    /** Statements newest first; {@code bankId} null means every bank. */
    public List<Statement> statements(String bankId, int page, int size) {
        return query("""
                select id, bank_id, format, statement_ref, account, currency, opening_minor, closing_minor,
                       entries_total_minor, balanced, statement_date, entry_count, superseded, received_by, received_at
                from bank_statement where (cast(? as varchar) is null or bank_id = ?)
                order by received_at desc, id limit ? offset ?""", ConsoleReads::statement,
                bankId, bankId, size, page * size);
    }

    public List<Statement> statement(UUID id) {
        return query("""
                select id, bank_id, format, statement_ref, account, currency, opening_minor, closing_minor,
                       entries_total_minor, balanced, statement_date, entry_count, superseded, received_by, received_at
                from bank_statement where id = ?""", ConsoleReads::statement, id);
    }

    private static Statement statement(ResultSet rs) throws SQLException {
        return new Statement(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getObject(7, Long.class), rs.getObject(8, Long.class), rs.getLong(9),
                rs.getBoolean(10), rs.getObject(11, LocalDate.class), rs.getInt(12), rs.getBoolean(13), rs.getString(14),
                rs.getTimestamp(15).toInstant());
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
