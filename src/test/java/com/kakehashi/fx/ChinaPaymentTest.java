package com.kakehashi.fx;

import static com.kakehashi.support.Fixtures.aMerchantInShanghai;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.balanceOf;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quote;
import static com.kakehashi.support.Fixtures.refund;
import static com.kakehashi.support.Fixtures.staticQr;
import static com.kakehashi.support.FxFixtures.aRateInForceNow;
import static com.kakehashi.support.FxFixtures.positionMinor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.kakehashi.support.LedgerChecks;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Japanese traveller pays yen to a Shanghai merchant who is owed exactly its yuan price. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class ChinaPaymentTest {
    @Inject
    LedgerChecks ledger;

    @Inject
    TestClock clock;

    private String traveller;
    private String walletId;
    private String merchant;

    @BeforeEach
    void aTravellerWithYenAndATeaHouseInShanghai() {
        traveller = aTravellerSubject();
        walletId = aWalletWithYen(traveller, 10_000);
        merchant = aMerchantInShanghai();
        aRateInForceNow("CNY", "JPY", "21.2469", clock.instant());
    }

    @AfterEach
    void ledgerStaysConsistent() {
        ledger.walletBalanceMatchesPostings(walletId);
        ledger.everyJournalBalances();
    }

    @Test
    void theQuoteShowsTheYenChargeRateSpreadAndFeeBeforePaying() {
        quote(traveller, walletId, staticQr(merchant), "128.50", "CNY")
                .then()
                .statusCode(201)
                .body("price.amount", equalTo("128.50"))
                .body("price.currency", equalTo("CNY"))
                .body("charge.amount", equalTo("2744"))
                .body("charge.currency", equalTo("JPY"))
                .body("rate", equalTo("21.3531345"))
                .body("midRate", equalTo("21.2469"))
                .body("spreadBps", equalTo(50))
                .body("fee.amount", equalTo("0"))
                .body("fee.currency", equalTo("JPY"))
                .body("rateSource", equalTo("treasury-desk"))
                .body("rateTime", notNullValue())
                .body("ratePath", equalTo("DIRECT"))
                .body("expiresAt", notNullValue());
    }

    @Test
    void payingChargesTheYenAndOwesTheMerchantItsYuanThroughTheFxPosition() {
        long jpyBefore = positionMinor("JPY");
        long cnyBefore = positionMinor("CNY");
        String quoteToken = quote(traveller, walletId, dynamicQr(merchant, "128.50"), null, null)
                .then()
                .statusCode(201)
                .extract()
                .path("token");

        pay(traveller, quoteToken, UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("status", equalTo("CAPTURED"))
                .body("price.amount", equalTo("128.50"))
                .body("charge.amount", equalTo("2744"));

        assertThat(balanceOf(traveller, walletId)).isEqualTo("7256");
        assertThat(ledger.postingSum(merchant)).isEqualTo(12_850); // fen, in the merchant's CNY payable
        assertThat(positionMinor("JPY") - jpyBefore).isEqualTo(2_744);
        assertThat(positionMinor("CNY") - cnyBefore).isEqualTo(-12_850);
    }

    @Test
    void aConfirmedQuoteKeepsItsLockedRateEvenIfTheMarketMoved() {
        String quoteToken = quote(traveller, walletId, staticQr(merchant), "100", "CNY")
                .then()
                .statusCode(201)
                .body("charge.amount", equalTo("2136"))
                .extract()
                .path("token"); // 100 × 21.3531345 = 2135.31 -> 2136
        // The market moves now; never later than now, or the rate would outlive this test.
        aRateInForceNow("CNY", "JPY", "25.00", clock.instant());

        pay(traveller, quoteToken, UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("charge.amount", equalTo("2136"));
        quote(traveller, walletId, staticQr(merchant), "100", "CNY")
                .then()
                .statusCode(201)
                .body("midRate", equalTo("25"))
                .body("charge.amount", equalTo("2513")); // 100 × 25.125 = 2512.5 -> 2513
    }

    @Test
    void anExpiredQuoteIsRefusedAndNothingIsCharged() {
        String quoteToken = quote(traveller, walletId, staticQr(merchant), "100", "CNY")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        clock.advance(Duration.ofSeconds(61));

        pay(traveller, quoteToken, UUID.randomUUID().toString())
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("quote_expired"));
        assertThat(balanceOf(traveller, walletId)).isEqualTo("10000");
    }

    @Test
    void aStaleRateRefusesNewQuotesWithAProblem() {
        clock.advance(Duration.ofHours(27));

        quote(traveller, walletId, staticQr(merchant), "100", "CNY")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("code", equalTo("fx_rate_stale"));
    }

    @Test
    void aYenAmountBuysTheLargestYuanPriceItCanAfford() {
        quote(traveller, walletId, staticQr(merchant), "3000", "JPY")
                .then()
                .statusCode(201)
                .body("price.amount", equalTo("140.49"))
                .body("charge.amount", equalTo("3000"));
    }

    @Test
    void refundsReturnYenAtTheOriginalRateAndTogetherTheWholeCharge() {
        String quoteToken = quote(traveller, walletId, staticQr(merchant), "128.50", "CNY")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String paymentId = pay(traveller, quoteToken, UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        aRateInForceNow("CNY", "JPY", "19.00", clock.instant()); // the market moved; the default policy ignores it

        refund(merchant, paymentId, "28.50", "CNY", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("charge.amount", equalTo("608")) // 28.50 × 21.3531345 = 608.56 -> 608 (down)
                .body("ratePolicy", equalTo("ORIGINAL_RATE"))
                .body("fxDifference.amount", equalTo("0"))
                .body("paymentStatus", equalTo("PARTIALLY_REFUNDED"));
        refund(merchant, paymentId, "100.00", "CNY", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("charge.amount", equalTo("2136"))
                .body("paymentStatus", equalTo("REFUNDED"));

        assertThat(balanceOf(traveller, walletId)).isEqualTo("10000");
        assertThat(ledger.postingSum(merchant)).isZero();
    }

    @Test
    void aGoldTierCustomerPaysTheNarrowerSpreadOfItsTier() {
        io.restassured.RestAssured.given()
                .header("Authorization", com.kakehashi.support.Tokens.travellerOfTier(traveller, "gold"))
                .contentType("application/json")
                .body(java.util.Map.of(
                        "walletId",
                        walletId,
                        "qr",
                        staticQr(merchant),
                        "amount",
                        java.util.Map.of("amount", "128.50", "currency", "CNY")))
                .post("/v1/quotes")
                .then()
                .statusCode(201)
                .body("spreadBps", equalTo(30))
                .body("rate", equalTo("21.3106407"))
                .body("charge.amount", equalTo("2739")); // 128.50 × 21.3106407 = 2738.42
    }
}
