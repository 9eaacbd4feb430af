package com.kakehashi.acquiring;

import static com.kakehashi.support.AcquiringFixtures.acquirerRequest;
import static com.kakehashi.support.AcquiringFixtures.acquirerToken;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quote;
import static com.kakehashi.support.Fixtures.travellerToken;
import static com.kakehashi.support.FxFixtures.aRateInForceNow;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.kakehashi.qr.emv.DataObject;
import com.kakehashi.qr.emv.EmvQrCodec;
import com.kakehashi.qr.emv.MerchantAccountInfo;
import com.kakehashi.qr.emv.MerchantPresentedQr;
import com.kakehashi.qr.emv.PointOfInitiation;
import com.kakehashi.support.LedgerChecks;
import com.kakehashi.support.SettlementFixtures;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A traveller scans a Chinese merchant's Alipay, WeChat Pay, Alipay+ or UnionPay code; the acquirer resolves it. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class ChinaMerchantCodesTest {
    @Inject
    LedgerChecks ledger;

    @Inject
    TestClock clock;

    @TestHTTPResource("/sandbox/acquirer/resolve")
    URL sandboxResolve;

    private String traveller;
    private String walletId;
    private String bankId;
    private String acquirer;
    /** Makes this test's codes recognisable by this test's acquirer only. */
    private String marker;

    @BeforeEach
    void aTravellerAndAnAcquirerResolvingThroughTheSandbox() {
        traveller = aTravellerSubject();
        walletId = com.kakehashi.support.AcquiringFixtures.aWalletHolding(traveller, 20_000);
        bankId = SettlementFixtures.aSettlementBank("CNY");
        marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        acquirer = "acq-" + marker.substring(1, 9);
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(acquirerRequest(
                        acquirer,
                        bankId,
                        sandboxResolve.toString(),
                        List.of(
                                Map.of(
                                        "network",
                                        "ALIPAY",
                                        "pattern",
                                        "https://qr\\.alipay\\.com/" + marker + "[A-Za-z0-9]*(\\?.*)?"),
                                Map.of("network", "WECHAT", "pattern", "wxp://" + marker + "[A-Za-z0-9]*"),
                                Map.of(
                                        "network",
                                        "ALIPAY_PLUS",
                                        "pattern",
                                        "https://[a-z.]*alipayplus\\.com/" + marker + ".*"),
                                Map.of("network", "UNIONPAY", "pattern", "000201.*A000000333.*" + marker + ".*"))))
                .post("/v1/acquirers")
                .then()
                .statusCode(201);
        aRateInForceNow("CNY", "JPY", "21.2469", clock.instant());
    }

    @AfterEach
    void ledgerStaysConsistent() {
        ledger.walletBalanceMatchesPostings(walletId);
        ledger.everyJournalBalances();
    }

    @Test
    void eachChinaCodeKindDecodesWithItsFormatAndNetwork() {
        decode("https://qr.alipay.com/" + marker + "tea")
                .then()
                .statusCode(200)
                .body("format", equalTo("URL"))
                .body("network", equalTo("ALIPAY"));
        decode("wxp://" + marker + "noodles")
                .then()
                .statusCode(200)
                .body("format", equalTo("URL"))
                .body("network", equalTo("WECHAT"));
        decode("https://render.alipayplus.com/" + marker + "/dumplings")
                .then()
                .statusCode(200)
                .body("format", equalTo("URL"))
                .body("network", equalTo("ALIPAY_PLUS"));
        decode(unionPayCode("88.00"))
                .then()
                .statusCode(200)
                .body("format", equalTo("EMV_MPM"))
                .body("network", equalTo("UNIONPAY"))
                .body("merchantName", equalTo("Bund Silk Store"))
                .body("warnings.size()", equalTo(0));
    }

    @Test
    void aUrlNoAcquirerRecognisesIsNotPayable() {
        decode("https://example.com/pay/" + marker).then().statusCode(422).body("code", equalTo("qr_not_payable"));
    }

    @Test
    void eachChinaCodeKindQuotesAndPaysThroughTheSandboxAcquirer() {
        payAndCheck("https://qr.alipay.com/" + marker + "tea", "25.00", "ALI-");
        payAndCheck("wxp://" + marker + "noodles", "12.50", "WX-");
        payAndCheck("https://render.alipayplus.com/" + marker + "/dumplings", "30.00", "ALI-");
        String unionPayPaymentId = pay(
                        traveller,
                        quote(traveller, walletId, unionPayCode("88.00"), null, null)
                                .then()
                                .statusCode(201)
                                .body("price.amount", equalTo("88.00"))
                                .extract()
                                .path("token"),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", acquirerToken(acquirer))
                .get("/v1/acquiring/payments/{id}", unionPayPaymentId)
                .then()
                .statusCode(200)
                .body("merchant.reference", equalTo("UP-" + marker + "01"))
                .body("merchant.name", equalTo("Bund Silk Store"));
    }

    @Test
    void aDynamicCodeTakesTheAmountTheAcquirerResolved() {
        quote(traveller, walletId, "https://qr.alipay.com/" + marker + "bun?amount=18.50", null, null)
                .then()
                .statusCode(201)
                .body("price.amount", equalTo("18.50"))
                .body("price.currency", equalTo("CNY"));
    }

    @Test
    void aCodeTheAcquirerDoesNotKnowIsRefused() {
        quote(traveller, walletId, "https://qr.alipay.com/" + marker + "UNKNOWN", "10.00", "CNY")
                .then()
                .statusCode(422)
                .body("code", equalTo("qr_code_unresolved"));
    }

    @Test
    void anAcquirerThatDoesNotAnswerIsReportedAsUnavailable() {
        String silent = "acq-" + UUID.randomUUID().toString().substring(0, 8);
        String silentMarker = "s" + silent.substring(4);
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(acquirerRequest(
                        silent,
                        bankId,
                        "http://127.0.0.1:9/resolve",
                        List.of(Map.of("network", "WECHAT", "pattern", "wxp://" + silentMarker + ".*"))))
                .post("/v1/acquirers")
                .then()
                .statusCode(201);

        quote(traveller, walletId, "wxp://" + silentMarker + "x", "10.00", "CNY")
                .then()
                .statusCode(503)
                .body("code", equalTo("acquirer_unavailable"));
    }

    @Test
    void theAcquirerIsSettledLikeAMerchantInTheChineseBanksBatch() {
        payAndCheck("https://qr.alipay.com/" + marker + "tea", "25.00", "ALI-");
        payAndCheck("wxp://" + marker + "noodles", "12.50", "WX-");
        String payee = given().header("Authorization", Tokens.operator())
                .get("/v1/acquirers/{id}", acquirer)
                .then()
                .statusCode(200)
                .extract()
                .path("payeeMerchantId");

        String batchId = SettlementFixtures.run(bankId, clock.instant())
                .then()
                .statusCode(201)
                .body("totals.payout.amount", equalTo("37.50"))
                .extract()
                .path("id");

        given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}", batchId)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].merchantId", equalTo(payee))
                .body("items[0].payments", equalTo(2));
    }

    private void payAndCheck(String code, String amount, String referencePrefix) {
        String quoteToken = quote(traveller, walletId, code, amount, "CNY")
                .then()
                .statusCode(201)
                .body("merchant.id", equalTo(payeeOf(acquirer)))
                .extract()
                .path("token");
        String paymentId = pay(traveller, quoteToken, UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("price.amount", equalTo(amount))
                .extract()
                .path("id");
        given().header("Authorization", acquirerToken(acquirer))
                .get("/v1/acquiring/payments/{id}", paymentId)
                .then()
                .statusCode(200)
                .body("acquirerId", equalTo(acquirer))
                .body("merchant.reference", startsWith(referencePrefix));
        given().header("Authorization", travellerToken(traveller))
                .get("/v1/wallets/{id}/transactions", walletId)
                .then()
                .statusCode(200)
                .body("items.reference", hasItem(paymentId));
    }

    private String payeeOf(String acquirerId) {
        return given().header("Authorization", Tokens.operator())
                .get("/v1/acquirers/{id}", acquirerId)
                .then()
                .statusCode(200)
                .extract()
                .path("payeeMerchantId");
    }

    /** A UnionPay merchant-presented code as UnionPay QR specifies it: AID A000000333 in a merchant account template. */
    private String unionPayCode(String amount) {
        return EmvQrCodec.encode(MerchantPresentedQr.builder()
                .pointOfInitiation(PointOfInitiation.DYNAMIC)
                .merchantAccount(MerchantAccountInfo.template(
                        "26", "A000000333010102", List.of(new DataObject("01", marker + "01"))))
                .merchantCategoryCode("5699")
                .transactionCurrency("156")
                .transactionAmount(amount)
                .countryCode("CN")
                .merchantName("Bund Silk Store")
                .merchantCity("Shanghai")
                .build());
    }

    private io.restassured.response.Response decode(String payload) {
        return given().header("Authorization", travellerToken(traveller))
                .contentType(ContentType.JSON)
                .body(Map.of("payload", payload))
                .post("/v1/qr/decode");
    }
}
