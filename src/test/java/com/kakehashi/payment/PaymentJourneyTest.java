package com.kakehashi.payment;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.balanceOf;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.merchantToken;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quote;
import static com.kakehashi.support.Fixtures.refund;
import static com.kakehashi.support.Fixtures.staticQr;
import static com.kakehashi.support.Fixtures.travellerToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.kakehashi.support.LedgerChecks;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class PaymentJourneyTest {
    @Inject
    LedgerChecks ledger;

    private String walletId;

    @AfterEach
    void ledgerStaysConsistent() {
        if (walletId != null) {
            ledger.walletBalanceMatchesPostings(walletId);
        }
        ledger.everyJournalBalances();
    }

    @Test
    void travellerPaysATokyoMerchantByStaticQrAndSeesTheYenPriceFirst() {
        String traveller = aTravellerSubject();
        walletId = aWalletWithYen(traveller, 5_000);
        String merchant = aMerchantInTokyo();

        String quoteToken = quote(traveller, walletId, staticQr(merchant), "1280", "JPY")
                .then()
                .statusCode(201)
                .body("price.amount", equalTo("1280"))
                .body("price.currency", equalTo("JPY"))
                .body("charge.amount", equalTo("1280"))
                .body("charge.currency", equalTo("JPY"))
                .body("rate", equalTo("1"))
                .body("merchant.id", equalTo(merchant))
                .body("merchant.city", equalTo("Tokyo"))
                .body("expiresAt", notNullValue())
                .extract()
                .path("token");

        String paymentId = pay(traveller, quoteToken, UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("status", equalTo("CAPTURED"))
                .body("charge.amount", equalTo("1280"))
                .body("walletId", equalTo(walletId))
                .body("merchantId", equalTo(merchant))
                .extract()
                .path("id");

        assertThat(balanceOf(traveller, walletId)).isEqualTo("3720");
        given().header("Authorization", merchantToken(merchant))
                .get("/v1/merchants/{id}/payments", merchant)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(paymentId))
                .body("total", equalTo(1));
        assertThat(ledger.postingSum(merchant)).isEqualTo(1280);
    }

    @Test
    void dynamicQrAmountWinsOverTheTypedAmount() {
        String traveller = aTravellerSubject();
        walletId = aWalletWithYen(traveller, 5_000);
        String merchant = aMerchantInTokyo();

        quote(traveller, walletId, dynamicQr(merchant, "999"), "5", "JPY")
                .then()
                .statusCode(201)
                .body("price.amount", equalTo("999"));
    }

    @Test
    void staticQrWithoutAnAmountIsRefused() {
        String traveller = aTravellerSubject();
        walletId = aWalletWithYen(traveller, 5_000);

        quote(traveller, walletId, staticQr(aMerchantInTokyo()), null, null)
                .then()
                .statusCode(422)
                .body("code", equalTo("qr_amount_required"));
    }

    @Test
    void merchantRefundsPartlyThenFullyAndTheYenReturnToTheWallet() {
        String traveller = aTravellerSubject();
        walletId = aWalletWithYen(traveller, 10_000);
        String merchant = aMerchantInTokyo();
        String quoteToken = quote(traveller, walletId, dynamicQr(merchant, "3000"), null, null)
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String paymentId = pay(traveller, quoteToken, UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        refund(merchant, paymentId, "1000", "JPY", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("amount.amount", equalTo("1000"))
                .body("charge.amount", equalTo("1000"))
                .body("paymentStatus", equalTo("PARTIALLY_REFUNDED"))
                .body("refundablePrice.amount", equalTo("2000"));
        assertThat(balanceOf(traveller, walletId)).isEqualTo("8000");

        refund(merchant, paymentId, "2001", "JPY", UUID.randomUUID().toString())
                .then()
                .statusCode(422)
                .body("code", equalTo("refund_exceeds_remaining"));
        refund(merchant, paymentId, "2000", "JPY", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("paymentStatus", equalTo("REFUNDED"));

        assertThat(balanceOf(traveller, walletId)).isEqualTo("10000");
        assertThat(ledger.postingSum(merchant)).isZero();
        given().header("Authorization", travellerToken(traveller))
                .get("/v1/payments/{id}", paymentId)
                .then()
                .statusCode(200)
                .body("status", equalTo("REFUNDED"))
                .body("refundedCharge.amount", equalTo("3000"));
    }

    @Test
    void walletHistoryListsEveryMovementNewestFirst() {
        String traveller = aTravellerSubject();
        walletId = aWalletWithYen(traveller, 4_000);
        String merchant = aMerchantInTokyo();
        String quoteToken = quote(traveller, walletId, dynamicQr(merchant, "1500"), null, null)
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        pay(traveller, quoteToken, UUID.randomUUID().toString()).then().statusCode(201);

        given().header("Authorization", travellerToken(traveller))
                .queryParam("size", 1)
                .get("/v1/wallets/{id}/transactions", walletId)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items", hasSize(1))
                .body("items[0].type", equalTo("PAYMENT"))
                .body("items[0].amount.amount", equalTo("-1500"));
    }
}
