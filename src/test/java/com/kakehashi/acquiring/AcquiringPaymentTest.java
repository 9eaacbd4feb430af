package com.kakehashi.acquiring;

import static com.kakehashi.support.AcquiringFixtures.aChineseAcquirer;
import static com.kakehashi.support.AcquiringFixtures.aPaymentCode;
import static com.kakehashi.support.AcquiringFixtures.acquire;
import static com.kakehashi.support.AcquiringFixtures.acquirerToken;
import static com.kakehashi.support.AcquiringFixtures.issueCode;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.balanceOf;
import static com.kakehashi.support.FxFixtures.aRateInForceNow;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.kakehashi.support.LedgerChecks;
import com.kakehashi.support.SettlementFixtures;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A till in Beijing scans a Japanese traveller's one-time code; its acquirer charges it. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class AcquiringPaymentTest {
    @Inject
    LedgerChecks ledger;

    @Inject
    TestClock clock;

    private String traveller;
    private String walletId;
    private String bankId;
    private String acquirer;

    @BeforeEach
    void aTravellerWithYenAndAnAcquirerInChina() {
        traveller = aTravellerSubject();
        walletId = com.kakehashi.support.AcquiringFixtures.aWalletHolding(traveller, 10_000);
        bankId = SettlementFixtures.aSettlementBank("CNY");
        acquirer = aChineseAcquirer(bankId);
        aRateInForceNow("CNY", "JPY", "21.2469", clock.instant());
    }

    @AfterEach
    void ledgerStaysConsistent() {
        ledger.walletBalanceMatchesPostings(walletId);
        ledger.everyJournalBalances();
    }

    @Test
    void aScannedCodeChargesTheWalletAtTheCustomerRateInOneStep() {
        String code = aPaymentCode(traveller, walletId);

        String id = acquire(acquirer, code, "128.50", "CNY", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("status", equalTo("CAPTURED"))
                .body("price.amount", equalTo("128.50"))
                .body("charge.amount", equalTo("2744"))
                .body("charge.currency", equalTo("JPY"))
                .body("rate", equalTo("21.3531345"))
                .body("fee.amount", equalTo("0"))
                .body("capturedAt", notNullValue())
                .body("acquirerId", equalTo(acquirer))
                .body("merchant.reference", equalTo("M-0042"))
                .extract()
                .path("id");

        assertThat(balanceOf(traveller, walletId)).isEqualTo("7256");
        given().header("Authorization", acquirerToken(acquirer))
                .get("/v1/acquiring/payments/{id}", id)
                .then()
                .statusCode(200)
                .body("merchant.name", equalTo("Lao Beijing Noodles"));
        given().header("Authorization", com.kakehashi.support.Fixtures.travellerToken(traveller))
                .get("/v1/payments/{id}", id)
                .then()
                .statusCode(200)
                .body("charge.amount", equalTo("2744"));
    }

    @Test
    void anAcquirerSeesOnlyItsOwnPayments() {
        String id = acquire(
                        acquirer,
                        aPaymentCode(traveller, walletId),
                        "10.00",
                        "CNY",
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String other = aChineseAcquirer(bankId);

        given().header("Authorization", acquirerToken(other))
                .get("/v1/acquiring/payments/{id}", id)
                .then()
                .statusCode(404)
                .body("code", equalTo("payment_not_found"));
        given().header("Authorization", com.kakehashi.support.Tokens.operator())
                .get("/v1/acquiring/payments/{id}", id)
                .then()
                .statusCode(200);
    }

    @Test
    void aCodePaysOnceUnderTwentyConcurrentAcquirerCalls() throws Exception {
        String code = aPaymentCode(traveller, walletId);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> acquire(
                            acquirer, code, "10.00", "CNY", UUID.randomUUID().toString())
                    .statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
        assertThat(balanceOf(traveller, walletId)).isEqualTo(Long.toString(10_000 - 214));
    }

    @Test
    void aUsedCodeIsRefused() {
        String code = aPaymentCode(traveller, walletId);
        acquire(acquirer, code, "10.00", "CNY", UUID.randomUUID().toString())
                .then()
                .statusCode(201);

        acquire(acquirer, code, "10.00", "CNY", UUID.randomUUID().toString())
                .then()
                .statusCode(409)
                .body("code", equalTo("payment_code_used"));
    }

    @Test
    void anExpiredCodeIsRefused() {
        String code = aPaymentCode(traveller, walletId);
        clock.advance(Duration.ofSeconds(61));

        acquire(acquirer, code, "10.00", "CNY", UUID.randomUUID().toString())
                .then()
                .statusCode(422)
                .body("code", equalTo("payment_code_expired"));
        assertThat(balanceOf(traveller, walletId)).isEqualTo("10000");
    }

    @Test
    void aCodeThisServiceNeverIssuedIsUnknown() {
        acquire(
                        acquirer,
                        "812345678901234567",
                        "10.00",
                        "CNY",
                        UUID.randomUUID().toString())
                .then()
                .statusCode(422)
                .body("code", equalTo("payment_code_unknown"));
        String issued = aPaymentCode(traveller, walletId);
        String mistyped = issued.substring(0, 5) + ((issued.charAt(5) - '0' + 1) % 10) + issued.substring(6);
        acquire(acquirer, mistyped, "10.00", "CNY", UUID.randomUUID().toString())
                .then()
                .statusCode(422)
                .body("code", equalTo("payment_code_unknown"));
    }

    @Test
    void aCodeThatCannotPayStaysUsableAfterTheRefusal() {
        String code = aPaymentCode(traveller, walletId);
        acquire(acquirer, code, "5000.00", "CNY", UUID.randomUUID().toString())
                .then()
                .statusCode(422)
                .body("code", equalTo("insufficient_funds"));

        acquire(acquirer, code, "10.00", "CNY", UUID.randomUUID().toString())
                .then()
                .statusCode(201);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheAnswer() {
        String code = aPaymentCode(traveller, walletId);
        String key = UUID.randomUUID().toString();
        String first = acquire(acquirer, code, "10.00", "CNY", key)
                .then()
                .statusCode(201)
                .extract()
                .asString();

        String again = acquire(acquirer, code, "10.00", "CNY", key)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .asString();

        assertThat(again).isEqualTo(first);
        assertThat(balanceOf(traveller, walletId)).isEqualTo(Long.toString(10_000 - 214));
    }

    @Test
    void onlyTheNewestCodesOfAWalletStayLive() {
        String oldest = aPaymentCode(traveller, walletId);
        aPaymentCode(traveller, walletId);
        aPaymentCode(traveller, walletId);
        String newest = aPaymentCode(traveller, walletId);

        acquire(acquirer, oldest, "10.00", "CNY", UUID.randomUUID().toString())
                .then()
                .statusCode(422)
                .body("code", equalTo("payment_code_expired"));
        acquire(acquirer, newest, "10.00", "CNY", UUID.randomUUID().toString())
                .then()
                .statusCode(201);
    }

    @Test
    void onlyTheWalletsOwnerGetsCodes() {
        issueCode(aTravellerSubject(), walletId).then().statusCode(404).body("code", equalTo("wallet_not_found"));
    }

    @Test
    void cancellationRestoresTheWalletByAReversalJournal() {
        String id = acquire(
                        acquirer,
                        aPaymentCode(traveller, walletId),
                        "128.50",
                        "CNY",
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        cancel(id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelledAt", notNullValue())
                .body("refundedPrice.amount", equalTo("128.50"));

        assertThat(balanceOf(traveller, walletId)).isEqualTo("10000");
        String payee = given().header("Authorization", com.kakehashi.support.Tokens.operator())
                .get("/v1/acquirers/{id}", acquirer)
                .then()
                .statusCode(200)
                .extract()
                .path("payeeMerchantId");
        assertThat(ledger.postingSum(payee)).isZero();
        cancel(id).then().statusCode(409).body("code", equalTo("payment_already_cancelled"));
        refund(id, "1.00").then().statusCode(409).body("code", equalTo("payment_already_cancelled"));
    }

    @Test
    void aSettledPaymentIsRefundedNotCancelled() {
        String id = acquire(
                        acquirer,
                        aPaymentCode(traveller, walletId),
                        "128.50",
                        "CNY",
                        UUID.randomUUID().toString())
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .path("id");
        SettlementFixtures.run(bankId, clock.instant())
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);

        cancel(id).then().statusCode(409).body("code", equalTo("payment_already_settled"));
        refund(id, "28.50")
                .then()
                .statusCode(201)
                .body("paymentStatus", equalTo("PARTIALLY_REFUNDED"))
                .body("refundablePrice.amount", equalTo("100.00"));
    }

    private io.restassured.response.Response cancel(String id) {
        return given().header("Authorization", acquirerToken(acquirer))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/acquiring/payments/{id}/cancellation", id);
    }

    private io.restassured.response.Response refund(String id, String amount) {
        return given().header("Authorization", acquirerToken(acquirer))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("amount", java.util.Map.of("amount", amount, "currency", "CNY")))
                .post("/v1/acquiring/payments/{id}/refunds", id);
    }
}
