package com.kakehashi.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads PostgreSQL directly to check the ledger's invariants after a scenario. */
@ApplicationScoped
public class LedgerChecks {
    @Inject
    AgroalDataSource dataSource;

    /** The wallet's stored balance equals the sum of its ledger postings. */
    public void walletBalanceMatchesPostings(String walletId) {
        UUID id = UUID.fromString(walletId);
        long stored = single("select balance_minor from wallet where id = ?", id);
        long posted = single("select coalesce(sum(amount_minor), 0) from posting where account_id = ?", id);
        assertThat(stored).as("wallet %s balance vs postings", walletId).isEqualTo(posted);
    }

    /** Every journal in the database sums to zero in each currency. */
    public void everyJournalBalances() {
        List<String> unbalanced = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                     select journal_id, currency, sum(amount_minor) from posting
                     group by journal_id, currency having sum(amount_minor) <> 0""");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                unbalanced.add(r.getString(1) + " " + r.getString(2) + " " + r.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(unbalanced).as("unbalanced journals").isEmpty();
    }

    public long postingSum(String accountId) {
        return single(
                "select coalesce(sum(amount_minor), 0) from posting where account_id = ?", UUID.fromString(accountId));
    }

    private long single(String sql, UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
