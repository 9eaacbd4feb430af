package com.kakehashi.api;

import static com.kakehashi.support.Fixtures.aMerchantInShanghai;
import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.quote;
import static com.kakehashi.support.Fixtures.staticQr;
import static com.kakehashi.support.Fixtures.travellerToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input is a 4xx application/problem+json with a stable code, never a 500. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class ProblemResponsesTest {
    @jakarta.inject.Inject
    TestClock clock;

    private String traveller;
    private String walletId;
    private String tokyo;

    @BeforeEach
    void aFundedWallet() {
        traveller = aTravellerSubject();
        walletId = aWalletWithYen(traveller, 400_000);
        tokyo = aMerchantInTokyo();
    }

    private void quoteRefused(String amount, String currency, int status, String code) {
        quote(traveller, walletId, staticQr(tokyo), amount, currency)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("status", equalTo(status))
                .body("type", startsWith("https://kakehashi.example/problems/"))
                .body("correlationId", notNullValue());
    }

    @Test
    void invalidJsonIsAProblem() {
        given().header("Authorization", travellerToken(traveller))
                .contentType(ContentType.JSON)
                .body("{\"walletId\": ")
                .post("/v1/quotes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed_json"));
    }

    @Test
    void missingFieldsAreNamed() {
        given().header("Authorization", travellerToken(traveller))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/v1/quotes")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("walletId", "qr"));
    }

    @Test
    void unknownCurrencyIsRefused() {
        quoteRefused("100", "XYZ", 400, "unsupported_currency");
    }

    @Test
    void zeroAndNegativeAmountsAreRefused() {
        quoteRefused("0", "JPY", 400, "invalid_amount");
        quoteRefused("-5", "JPY", 400, "invalid_amount");
        quoteRefused("1e3", "JPY", 400, "invalid_amount");
    }

    @Test
    void moreDecimalsThanTheCurrencyAllowsAreRefused() {
        quoteRefused("100.5", "JPY", 400, "amount_precision");
    }

    @Test
    void amountsOverTheWalletLimitsAreRefused() {
        quoteRefused("300001", "JPY", 422, "per_payment_limit_exceeded");
        quote(traveller, walletId, staticQr(tokyo), "300000", "JPY").then().statusCode(201);
    }

    @Test
    void amountOverTheBalanceIsRefusedAtQuoteTime() {
        String poor = aTravellerSubject();
        String poorWallet = aWalletWithYen(poor, 100);
        quote(poor, poorWallet, staticQr(tokyo), "101", "JPY")
                .then()
                .statusCode(422)
                .body("code", equalTo("insufficient_funds"));
    }

    @Test
    void amountInAnotherCurrencyThanTheMerchantsIsRefused() {
        quoteRefused("10.50", "CNY", 422, "currency_mismatch");
    }

    @Test
    void unknownIdsAreNotFoundProblems() {
        given().header("Authorization", travellerToken(traveller))
                .get("/v1/wallets/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("wallet_not_found"));
        given().header("Authorization", travellerToken(traveller))
                .get("/v1/payments/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("payment_not_found"));
        given().header("Authorization", Tokens.operator())
                .get("/v1/merchants/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("merchant_not_found"));
        given().header("Authorization", travellerToken(traveller))
                .get("/v1/wallets/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", travellerToken(traveller))
                .get("/v1/nothing-here")
                .then()
                .statusCode(404)
                .body("code", equalTo("not_found"));
    }

    @Test
    void aTamperedQrIsRefusedWithItsReason() {
        String payload = dynamicQr(tokyo, "500");
        String tampered = payload.replace("5802JP", "5802CN");
        given().header("Authorization", travellerToken(traveller))
                .contentType(ContentType.JSON)
                .body("{\"payload\":\"" + tampered + "\"}")
                .post("/v1/qr/decode")
                .then()
                .statusCode(422)
                .body("code", equalTo("qr_crc_mismatch"));
        given().header("Authorization", travellerToken(traveller))
                .contentType(ContentType.JSON)
                .body("{\"payload\":\"000201\"}")
                .post("/v1/qr/decode")
                .then()
                .statusCode(422)
                .body("code", equalTo("qr_malformed"));
    }

    @Test
    void paymentsInChinaWaitForTheFxEngineAndSaySo() {
        String qr = dynamicQr(aMerchantInShanghai(), "128.50");
        // Years before any rate another test may have published: no rate at all, whatever ran before.
        clock.advance(java.time.Duration.ofDays(-3650));
        quote(traveller, walletId, qr, null, null).then().statusCode(422).body("code", equalTo("fx_rate_unavailable"));
    }

    @Test
    void anInvalidTokenIsUnauthenticated() {
        given().header("Authorization", "Bearer not-a-jwt")
                .get("/v1/wallets")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthenticated"));
    }

    @Test
    void theDemoTokenEndpointDoesNotExistOutsideTheDemoProfile() {
        given().contentType(ContentType.JSON)
                .body("{\"subject\":\"x\",\"roles\":[\"operator\"]}")
                .post("/v1/demo/tokens")
                .then()
                .statusCode(404);
    }
}
