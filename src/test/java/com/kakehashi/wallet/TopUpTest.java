package com.kakehashi.wallet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.balanceOf;
import static com.kakehashi.support.Fixtures.linkBank;
import static com.kakehashi.support.Fixtures.openWallet;
import static com.kakehashi.support.Fixtures.topUp;
import static com.kakehashi.support.Fixtures.travellerToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.support.Concurrently;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.LedgerChecks;
import com.kakehashi.support.WireMockBank;
import com.kakehashi.support.WireMockBank.Accounts;
import com.kakehashi.wallet.application.TopUps;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class TopUpTest {
    @Inject
    LedgerChecks ledger;

    @Inject
    TopUps topUps;

    private String walletId;

    @AfterEach
    void ledgerStaysConsistent() {
        if (walletId != null) {
            ledger.walletBalanceMatchesPostings(walletId);
        }
        ledger.everyJournalBalances();
    }

    private String walletLinkedTo(String traveller, String accountNumber) {
        walletId = openWallet(traveller);
        linkBank(traveller, walletId, accountNumber);
        return walletId;
    }

    @Test
    void approvedTopUpCreditsTheWallet() {
        String traveller = aTravellerSubject();
        walletLinkedTo(traveller, Fixtures.anApprovedAccountNumber());

        topUp(traveller, walletId, "30000", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("status", equalTo("COMPLETED"))
                .body("amount.amount", equalTo("30000"));

        assertThat(balanceOf(traveller, walletId)).isEqualTo("30000");
    }

    @Test
    void declinedTopUpCreditsNothing() {
        String traveller = aTravellerSubject();
        walletLinkedTo(traveller, Accounts.DECLINES);

        topUp(traveller, walletId, "30000", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("status", equalTo("DECLINED"))
                .body("failureReason", equalTo("insufficient funds at bank"));

        assertThat(balanceOf(traveller, walletId)).isEqualTo("0");
    }

    @Test
    void bankOutageLeavesTheTopUpPendingUntilAStatusCheckResolvesItOnce() {
        String traveller = aTravellerSubject();
        walletLinkedTo(traveller, Accounts.SERVER_ERROR);
        String topUpId = topUp(traveller, walletId, "8000", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .extract()
                .path("id");
        assertThat(balanceOf(traveller, walletId)).isEqualTo("0");

        WireMockBank.server()
                .stubFor(get(urlPathEqualTo("/bank/debits/" + topUpId))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"requestId\":\"" + topUpId
                                        + "\",\"status\":\"APPROVED\",\"bankReference\":\"LATE-1\"}")));
        topUps.resolve(UUID.fromString(topUpId));
        topUps.resolve(UUID.fromString(topUpId));

        assertThat(balanceOf(traveller, walletId)).isEqualTo("8000");
        given().header("Authorization", travellerToken(traveller))
                .get("/v1/wallets/{w}/top-ups/{t}", walletId, topUpId)
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"));
    }

    @Test
    void bankTimeoutLeavesTheTopUpPendingAndNothingCredited() {
        String traveller = aTravellerSubject();
        walletLinkedTo(traveller, Accounts.TIMES_OUT);

        topUp(traveller, walletId, "5000", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"));

        assertThat(balanceOf(traveller, walletId)).isEqualTo("0");
    }

    @Test
    void aTopUpTheBankNeverReceivedIsClosedAsDeclinedByTheStatusCheck() {
        String traveller = aTravellerSubject();
        walletLinkedTo(traveller, Accounts.SERVER_ERROR);
        String topUpId = topUp(traveller, walletId, "8000", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        topUps.resolve(UUID.fromString(topUpId));

        given().header("Authorization", travellerToken(traveller))
                .get("/v1/wallets/{w}/top-ups/{t}", walletId, topUpId)
                .then()
                .statusCode(200)
                .body("status", equalTo("DECLINED"));
    }

    @Test
    void retriedTopUpWithTheSameKeyIsTheSameTopUpAndCreditsOnce() {
        String traveller = aTravellerSubject();
        walletLinkedTo(traveller, Fixtures.anApprovedAccountNumber());
        String key = UUID.randomUUID().toString();

        String first = topUp(traveller, walletId, "2500", key)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String again = topUp(traveller, walletId, "2500", key)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        topUp(traveller, walletId, "2600", key).then().statusCode(422).body("code", equalTo("idempotency_key_reused"));

        assertThat(again).isEqualTo(first);
        assertThat(balanceOf(traveller, walletId)).isEqualTo("2500");
    }

    @Test
    void topUpOverTheMaximumBalanceIsRefusedBeforeCallingTheBank() {
        String traveller = aTravellerSubject();
        walletId = aWalletWithYen(traveller, 990_000);

        topUp(traveller, walletId, "10001", UUID.randomUUID().toString())
                .then()
                .statusCode(422)
                .body("code", equalTo("max_balance_exceeded"));
    }

    @Test
    void tenConcurrentTopUpsOnAnEmptyWalletNeverExceedTheMaximumBalance() throws Exception {
        String traveller = aTravellerSubject();
        walletLinkedTo(traveller, Fixtures.anApprovedAccountNumber());

        List<Response> answers = Concurrently.run(
                10, i -> topUp(traveller, walletId, "400000", UUID.randomUUID().toString()));

        Map<Integer, Long> byStatus =
                answers.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(201, 422).containsEntry(201, 2L).containsEntry(422, 8L);
        assertThat(answers.stream().filter(r -> r.statusCode() == 422).map(r -> r.<String>path("code")))
                .containsOnly("max_balance_exceeded");
        // the two accepted may be credited or still pending (a slow bank): the cap holds either way
        assertThat(Long.parseLong(balanceOf(traveller, walletId))).isLessThanOrEqualTo(800_000);
    }

    @Test
    void aTopUpStillPendingAtTheBankCountsAgainstTheMaximumBalance() {
        String traveller = aTravellerSubject();
        walletLinkedTo(traveller, Accounts.SERVER_ERROR);
        topUp(traveller, walletId, "600000", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"));

        topUp(traveller, walletId, "400001", UUID.randomUUID().toString())
                .then()
                .statusCode(422)
                .body("code", equalTo("max_balance_exceeded"));
        topUp(traveller, walletId, "400000", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"));
    }

    @Test
    void topUpWithoutALinkedAccountIsRefused() {
        String traveller = aTravellerSubject();
        walletId = openWallet(traveller);

        topUp(traveller, walletId, "1000", UUID.randomUUID().toString())
                .then()
                .statusCode(422)
                .body("code", equalTo("no_linked_bank_account"));
    }

    @Test
    void bankAccountDetailsAreValidated() {
        String traveller = aTravellerSubject();
        walletId = openWallet(traveller);

        given().header("Authorization", travellerToken(traveller))
                .contentType("application/json")
                .body("{\"bankCode\":\"05\",\"branchCode\":\"123\",\"accountType\":\"ORDINARY\","
                        + "\"accountNumber\":\"1234567\",\"holderName\":\"YAMADA TARO\"}")
                .post("/v1/wallets/{id}/bank-links", walletId)
                .then()
                .statusCode(400)
                .body("code", equalTo("bank_account_invalid"));
    }
}
