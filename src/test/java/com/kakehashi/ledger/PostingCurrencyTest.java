package com.kakehashi.ledger;

import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kakehashi.support.WireMockBank;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The database ties a posting's currency to its account's: code that got it wrong could not write it. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class PostingCurrencyTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPostingInAnotherCurrencyThanItsAccountIsRefusedByTheDatabase() throws SQLException {
        UUID yenWallet = UUID.fromString(aWalletWithYen(aTravellerSubject(), 1_000)); // its ledger account has its id

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                UUID journal = UUID.randomUUID();
                try (var s = c.prepareStatement(
                        "insert into journal_entry (id, type, reference, created_at) values (?, 'PAYMENT', ?, now())")) {
                    s.setObject(1, journal);
                    s.setString(2, "currency-test-" + journal);
                    s.executeUpdate();
                }
                try (var s =
                        c.prepareStatement("insert into posting (id, journal_id, account_id, currency, amount_minor,"
                                + " created_at) values (?, ?, ?, 'CNY', -100, now())")) {
                    s.setObject(1, UUID.randomUUID());
                    s.setObject(2, journal);
                    s.setObject(3, yenWallet);
                    assertThatThrownBy(s::executeUpdate)
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("posting_account_currency");
                }
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void aPostingInItsAccountsCurrencyIsAccepted() throws SQLException {
        UUID yenWallet = UUID.fromString(aWalletWithYen(aTravellerSubject(), 1_000));

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.prepareStatement("select count(*) from posting where account_id = ? and currency = 'JPY'")) {
                s.setObject(1, yenWallet);
                try (var r = s.executeQuery()) {
                    r.next();
                    assertThat(r.getLong(1))
                            .as("the top-up's posting to the yen wallet")
                            .isPositive();
                }
            } finally {
                c.rollback();
            }
        }
    }
}
