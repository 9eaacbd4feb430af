package com.kakehashi.wallet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.anApprovedAccountNumber;
import static com.kakehashi.support.Fixtures.linkBank;
import static com.kakehashi.support.Fixtures.openWallet;
import static com.kakehashi.support.Fixtures.topUp;
import static com.kakehashi.support.Fixtures.travellerToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.support.LedgerChecks;
import com.kakehashi.support.WireMockBank;
import com.kakehashi.support.WireMockBank.Accounts;
import com.kakehashi.wallet.application.TopUps;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A top-up the bank approved is credited or reversed, never stranded (issue 9): a wallet that cannot
 * take the money gets it returned to the customer's bank account, and reconciliation expects the reversal.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class TopUpReversalTest {
    @Inject
    TopUps topUps;

    @Inject
    LedgerChecks ledger;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aTopUpTheBankApprovesAfterTheWalletWasClosedIsReversedAtTheBankAndNeverCredited() {
        String traveller = aTravellerSubject();
        String wallet = openWallet(traveller);
        linkBank(traveller, wallet, Accounts.SERVER_ERROR);
        String topUpId = topUp(traveller, wallet, "9000", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .extract()
                .path("id");
        sql("update wallet set status = 'CLOSED' where id = '" + wallet + "'"); // closed while the bank was silent
        bankSaysApproved(topUpId);

        assertThat(topUps.resolve(UUID.fromString(topUpId))).isTrue();
        topUps.resolve(UUID.fromString(topUpId)); // a later check changes nothing

        assertThat(text("select status || ' ' || failure_reason from top_up where id = '" + topUpId + "'"))
                .isEqualTo("REVERSED wallet closed");
        WireMockBank.server().verify(1, postRequestedFor(urlPathEqualTo("/bank/debits/" + topUpId + "/reversal")));
        assertThat(number("select balance_minor from wallet where id = '" + wallet + "'"))
                .isZero();
        assertThat(number("select count(*) from journal_entry where reference = '" + topUpId + "'"))
                .isZero();
        assertThat(text("select reversal_reference from top_up where id = '" + topUpId + "'"))
                .startsWith("WM-R-");
        assertThat(text("select direction || ' ' || amount_minor from expected_item where kind = 'TOP_UP_REVERSAL'"
                        + " and reference = 'R" + topUpId.replace("-", "") + "'"))
                .isEqualTo("DBIT 9000");
        ledger.walletBalanceMatchesPostings(wallet);
    }

    @Test
    void aDebitTheStatementConfirmsForAClosedWalletIsReversedNotCredited() {
        String traveller = aTravellerSubject();
        String wallet = openWallet(traveller);
        linkBank(traveller, wallet, Accounts.SERVER_ERROR);
        String topUpId = topUp(traveller, wallet, "3000", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .extract()
                .path("id");
        sql("update wallet set status = 'CLOSED' where id = '" + wallet + "'");

        assertThat(topUps.confirmFromStatement(UUID.fromString(topUpId), "STMT-REF-1"))
                .isFalse();

        assertThat(text("select status from top_up where id = '" + topUpId + "'"))
                .isEqualTo("REVERSED");
        assertThat(number("select balance_minor from wallet where id = '" + wallet + "'"))
                .isZero();
        WireMockBank.server().verify(1, postRequestedFor(urlPathEqualTo("/bank/debits/" + topUpId + "/reversal")));
        ledger.walletBalanceMatchesPostings(wallet);
    }

    @Test
    void aCreditThatKeepsFailingIsRetriedThenReversedOnce() {
        String traveller = aTravellerSubject();
        String wallet = openWallet(traveller);
        linkBank(traveller, wallet, anApprovedAccountNumber());
        String trigger = "refuse_credit_" + wallet.replace("-", "");
        sql("create function " + trigger + "() returns trigger language plpgsql as $$ begin"
                + " raise exception 'simulated storage fault'; end $$");
        sql("create trigger " + trigger + " before update on wallet for each row when (old.id = '" + wallet
                + "') execute function " + trigger + "()");
        try {
            String topUpId = topUp(traveller, wallet, "4000", UUID.randomUUID().toString())
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("PENDING"))
                    .extract()
                    .path("id");
            bankSaysApproved(topUpId);

            assertThat(topUps.resolve(UUID.fromString(topUpId)))
                    .as("second attempt")
                    .isFalse();
            assertThat(text("select status || ' ' || credit_failures from top_up where id = '" + topUpId + "'"))
                    .isEqualTo("PENDING 2");
            assertThat(topUps.resolve(UUID.fromString(topUpId)))
                    .as("third attempt: reversed")
                    .isTrue();
            topUps.resolve(UUID.fromString(topUpId)); // a later check changes nothing

            given().header("Authorization", travellerToken(traveller))
                    .get("/v1/wallets/{w}/top-ups/{t}", wallet, topUpId)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("REVERSED"));
            WireMockBank.server().verify(1, postRequestedFor(urlPathEqualTo("/bank/debits/" + topUpId + "/reversal")));
        } finally {
            sql("drop trigger " + trigger + " on wallet");
            sql("drop function " + trigger + "()");
        }
        assertThat(number("select balance_minor from wallet where id = '" + wallet + "'"))
                .isZero();
        ledger.walletBalanceMatchesPostings(wallet);
        ledger.everyJournalBalances();
    }

    private static void bankSaysApproved(String topUpId) {
        WireMockBank.server()
                .stubFor(get(urlPathEqualTo("/bank/debits/" + topUpId))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"requestId\":\"" + topUpId
                                        + "\",\"status\":\"APPROVED\",\"bankReference\":\"B-7\"}")));
    }

    private void sql(String statement) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long number(String query) {
        return Long.parseLong(text(query));
    }

    private String text(String query) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(query);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
