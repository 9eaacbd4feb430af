package com.kakehashi.ledger;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.ledger.application.LedgerSelfCheck;
import com.kakehashi.ledger.domain.LedgerCheckResult;
import com.kakehashi.ledger.domain.LedgerCheckResult.UnbalancedJournal;
import com.kakehashi.ledger.domain.LedgerCheckResult.WalletMismatch;
import com.kakehashi.ledger.infra.LedgerCheckRepository;
import com.kakehashi.support.Prometheus;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.WireMockBank;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ledger self-check on a real database: what the application writes passes; a posting slipped in behind the
 * database's back (its balance trigger switched off for that one transaction) is named by the check, counted by the
 * metric and turns the health group "ledger" DOWN, until it is repaired.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class LedgerSelfCheckTest {
    @Inject
    LedgerSelfCheck check;

    @Inject
    LedgerCheckRepository repository;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void whatTheApplicationWritesPassesTheCheckAndTheHealthGroupIsUp() {
        Instant from = clock.instant().minusSeconds(1);
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 10_000);
        pay(
                        traveller,
                        quoteId(traveller, wallet, dynamicQr(aMerchantInTokyo(), "1200"), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201);

        LedgerCheckResult result = check.checkSince(from);

        assertThat(result.clean()).as(result.summary()).isTrue();
        assertThat(result.journalsChecked()).isGreaterThanOrEqualTo(2); // the top-up and the payment
        assertThat(result.walletsChecked()).isGreaterThanOrEqualTo(1);
        given().get("/q/health/group/ledger")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].name", equalTo("ledger-self-check"))
                .body("checks[0].data.unbalancedJournals", equalTo(0));
        assertThat(Prometheus.sum("kakehashi_ledger_check_discrepancies")).isZero();
    }

    @Test
    void aTamperedPostingIsNamedByTheCheckCountedByTheMetricAndTurnsTheHealthGroupDown() throws Exception {
        Instant from = clock.instant().minusSeconds(1);
        String wallet = aWalletWithYen(aTravellerSubject(), 5_000);
        UUID journal = topUpJournalOf(wallet);
        UUID tampered = UUID.randomUUID();
        BigDecimal runsWithDiscrepancy = Prometheus.sum("kakehashi_ledger_check_runs_total", "result=\"discrepancy\"");
        try {
            sqlBehindTheLedgersBack(
                    "insert into posting (id, journal_id, account_id, currency, amount_minor, created_at)"
                            + " values ('" + tampered + "', '" + journal + "', '" + wallet + "', 'JPY', 1, '"
                            + clock.instant() + "')");

            LedgerCheckResult result = check.checkSince(from);

            assertThat(result.clean()).isFalse();
            assertThat(result.unbalancedJournals()).contains(new UnbalancedJournal(journal.toString(), "JPY", 1));
            assertThat(result.walletMismatches()).contains(new WalletMismatch(wallet, 5_000, 5_001));
            assertThat(result.summary()).contains(journal.toString(), wallet);
            assertThat(Prometheus.sum("kakehashi_ledger_check_discrepancies", "kind=\"journal\""))
                    .isGreaterThanOrEqualTo(BigDecimal.ONE);
            assertThat(Prometheus.sum("kakehashi_ledger_check_discrepancies", "kind=\"wallet\""))
                    .isGreaterThanOrEqualTo(BigDecimal.ONE);
            assertThat(Prometheus.sum("kakehashi_ledger_check_runs_total", "result=\"discrepancy\""))
                    .isEqualByComparingTo(runsWithDiscrepancy.add(BigDecimal.ONE));
            given().get("/q/health/group/ledger")
                    .then()
                    .statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks[0].data.firstUnbalancedJournals", containsString(journal.toString()))
                    .body("checks[0].data.firstWalletMismatches", containsString(wallet));
            // The full check's queries (every journal, every wallet) find it too.
            assertThat(QuarkusTransaction.requiringNew()
                            .call(() -> repository.allUnbalancedJournals(10_000))
                            .first())
                    .contains(new UnbalancedJournal(journal.toString(), "JPY", 1));
            assertThat(QuarkusTransaction.requiringNew()
                            .call(() -> repository.allWalletMismatches(10_000))
                            .first())
                    .contains(new WalletMismatch(wallet, 5_000, 5_001));
        } finally {
            sqlBehindTheLedgersBack("delete from posting where id = '" + tampered + "'");
        }

        // Repaired: the known offenders are checked again on the next run, even once they are older than its window.
        LedgerCheckResult again = check.checkSince(clock.instant().plusSeconds(3600));
        assertThat(again.clean()).as(again.summary()).isTrue();
        assertThat(again.journalsChecked()).isEqualTo(1);
        given().get("/q/health/group/ledger").then().statusCode(200).body("status", equalTo("UP"));
    }

    private UUID topUpJournalOf(String wallet) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var s = c.prepareStatement("select journal_id from posting where account_id = ? limit 1")) {
            s.setObject(1, UUID.fromString(wallet));
            try (var r = s.executeQuery()) {
                r.next();
                return r.getObject(1, UUID.class);
            }
        }
    }

    /** One transaction with the ledger's triggers (balance, append-only) switched off for it alone. */
    private void sqlBehindTheLedgersBack(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("set local session_replication_role = replica");
                s.execute(sql);
            }
            c.commit();
        }
    }
}
