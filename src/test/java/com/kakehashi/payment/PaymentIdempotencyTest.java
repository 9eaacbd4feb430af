package com.kakehashi.payment;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.balanceOf;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.Fixtures.refund;
import static com.kakehashi.support.Fixtures.travellerToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.support.Concurrently;
import com.kakehashi.support.LedgerChecks;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class PaymentIdempotencyTest {
    @Inject
    LedgerChecks ledger;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        ledger.everyJournalBalances();
    }

    @Test
    void retryWithSameKeyAndBodyReturnsTheSameResponseAndChargesOnce() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String quoteId = quoteId(traveller, walletId, dynamicQr(aMerchantInTokyo(), "1200"), null);
        String key = UUID.randomUUID().toString();

        String first =
                pay(traveller, quoteId, key).then().statusCode(201).extract().asString();
        String second = pay(traveller, quoteId, key)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .asString();

        assertThat(second).isEqualTo(first);
        assertThat(balanceOf(traveller, walletId)).isEqualTo("3800");
        ledger.walletBalanceMatchesPostings(walletId);
    }

    @Test
    void twoRequestsWithOneKeyAtOnceChargeOnceAndAnswerAlike() throws Exception {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String quoteId = quoteId(traveller, walletId, dynamicQr(aMerchantInTokyo(), "1200"), null);
        String key = UUID.randomUUID().toString();

        List<Response> answers = Concurrently.run(2, i -> pay(traveller, quoteId, key));

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers.get(0).asString()).isEqualTo(answers.get(1).asString());
        assertThat(answers).extracting(r -> r.header("Idempotent-Replayed")).containsExactlyInAnyOrder("true", "false");
        assertThat(balanceOf(traveller, walletId)).isEqualTo("3800");
        ledger.walletBalanceMatchesPostings(walletId);
    }

    @Test
    void aReplayAnswersThePaymentAsCapturedEvenAfterARefund() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String merchant = aMerchantInTokyo();
        String quoteId = quoteId(traveller, walletId, dynamicQr(merchant, "1200"), null);
        String key = UUID.randomUUID().toString();
        String first =
                pay(traveller, quoteId, key).then().statusCode(201).extract().asString();
        refund(
                        merchant,
                        io.restassured.path.json.JsonPath.from(first).getString("id"),
                        "200",
                        "JPY",
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201);

        String replay =
                pay(traveller, quoteId, key).then().statusCode(201).extract().asString();

        assertThat(replay).isEqualTo(first);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String merchant = aMerchantInTokyo();
        String key = UUID.randomUUID().toString();
        pay(traveller, quoteId(traveller, walletId, dynamicQr(merchant, "100"), null), key)
                .then()
                .statusCode(201);

        pay(traveller, quoteId(traveller, walletId, dynamicQr(merchant, "200"), null), key)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("idempotency_key_reused"));
        assertThat(balanceOf(traveller, walletId)).isEqualTo("4900");
    }

    @Test
    void paymentWithoutIdempotencyKeyIsRefused() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String quoteId = quoteId(traveller, walletId, dynamicQr(aMerchantInTokyo(), "100"), null);

        given().header("Authorization", travellerToken(traveller))
                .contentType(ContentType.JSON)
                .body(Map.of("quoteToken", quoteId))
                .post("/v1/payments")
                .then()
                .statusCode(400)
                .body("code", equalTo("idempotency_key_missing"));
    }

    @Test
    void expiredQuoteIsRefusedAndNothingIsCharged() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String quoteId = quoteId(traveller, walletId, dynamicQr(aMerchantInTokyo(), "700"), null);

        clock.advance(Duration.ofMinutes(3));

        pay(traveller, quoteId, UUID.randomUUID().toString())
                .then()
                .statusCode(422)
                .body("code", equalTo("quote_expired"));
        assertThat(balanceOf(traveller, walletId)).isEqualTo("5000");
        ledger.walletBalanceMatchesPostings(walletId);
    }

    @Test
    void aQuoteIsPaidOnlyOnceEvenUnderAnotherKey() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String quoteId = quoteId(traveller, walletId, dynamicQr(aMerchantInTokyo(), "700"), null);
        pay(traveller, quoteId, UUID.randomUUID().toString()).then().statusCode(201);

        pay(traveller, quoteId, UUID.randomUUID().toString())
                .then()
                .statusCode(409)
                .body("code", equalTo("quote_already_used"));
        assertThat(balanceOf(traveller, walletId)).isEqualTo("4300");
    }

    @Test
    void anotherTravellerCannotPaySomeoneElsesQuote() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String quoteId = quoteId(traveller, walletId, dynamicQr(aMerchantInTokyo(), "700"), null);

        pay(aTravellerSubject(), quoteId, UUID.randomUUID().toString())
                .then()
                .statusCode(404)
                .body("code", equalTo("quote_not_found"));
    }
}
