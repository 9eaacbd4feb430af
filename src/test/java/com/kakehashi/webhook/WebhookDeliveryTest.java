package com.kakehashi.webhook;

import static com.kakehashi.support.AcquiringFixtures.aChineseAcquirer;
import static com.kakehashi.support.AcquiringFixtures.aPaymentCode;
import static com.kakehashi.support.AcquiringFixtures.acquire;
import static com.kakehashi.support.AcquiringFixtures.acquirerToken;
import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.merchantToken;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.Fixtures.refund;
import static com.kakehashi.support.FxFixtures.aRateInForceNow;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.kakehashi.support.SettlementFixtures;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.WebhookReceiver;
import com.kakehashi.support.WireMockBank;
import com.kakehashi.webhook.application.WebhookDispatcher;
import com.kakehashi.webhook.domain.WebhookSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A merchant's endpoint receives signed events, at least once, in order, across failures and a worker's death. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class WebhookDeliveryTest {
    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    TestClock clock;

    private WebhookReceiver receiver;
    private String traveller;
    private String walletId;
    private String merchant;

    @BeforeEach
    void aMerchantWithAWebhookEndpoint() {
        receiver = new WebhookReceiver();
        traveller = aTravellerSubject();
        walletId = com.kakehashi.support.AcquiringFixtures.aWalletHolding(traveller, 50_000);
        merchant = aMerchantInTokyo();
    }

    @AfterEach
    void stopTheReceiver() {
        receiver.close();
    }

    @Test
    void everyEventArrivesSignedInOrderAndAFailedDeliveryIsRetried() {
        Subscription sub = subscribe(merchantToken(merchant), List.of("payment.captured", "payment.refunded"));
        receiver.failNext(1);
        String paymentId = aPaymentTo(merchant, "1200");
        refund(merchant, paymentId, "200", "JPY", UUID.randomUUID().toString())
                .then()
                .statusCode(201);

        deliverUntil(r -> r.size() >= 3); // the 500, its retry, then the refund

        List<WebhookReceiver.Received> got = receiver.received();
        assertThat(got)
                .extracting(WebhookReceiver.Received::eventType)
                .containsExactly("payment.captured", "payment.captured", "payment.refunded");
        assertThat(got.get(0).eventId()).isEqualTo(got.get(1).eventId());
        long now = clock.instant().getEpochSecond();
        assertThat(got).allMatch(r -> WebhookSignature.verify(sub.secret(), r.signature(), r.body(), now, 300));
        assertThat(got).allMatch(r -> !WebhookSignature.verify("whsec_wrong", r.signature(), r.body(), now, 300));
        JsonPath captured = JsonPath.from(got.get(1).body());
        assertThat(captured.getString("id")).isEqualTo(got.get(1).eventId());
        assertThat(captured.getString("data.paymentId")).isEqualTo(paymentId);
        assertThat(captured.getString("data.price.amount")).isEqualTo("1200");

        given().header("Authorization", merchantToken(merchant))
                .get("/v1/webhooks/{id}/deliveries", sub.id())
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("find { it.eventType == 'payment.captured' }.status", equalTo("DELIVERED"))
                .body("find { it.eventType == 'payment.captured' }.attempts", equalTo(2))
                .body("find { it.eventType == 'payment.refunded' }.attempts", equalTo(1));
    }

    @Test
    void nothingIsLostWhenAWorkerDiesBetweenClaimAndSend() {
        subscribe(merchantToken(merchant), List.of("payment.captured"));
        aPaymentTo(merchant, "800");

        assertThat(dispatcher.claim()).isNotEmpty(); // the worker claims, then dies without sending
        dispatcher.runOnce();
        assertThat(receiver.received()).isEmpty(); // the lease still holds it

        clock.advance(Duration.ofSeconds(61)); // the lease expires
        deliverUntil(r -> r.size() == 1);
        assertThat(receiver.received().get(0).eventType()).isEqualTo("payment.captured");
    }

    @Test
    void aDeliveryCanBeReplayed() {
        Subscription sub = subscribe(merchantToken(merchant), List.of("payment.captured"));
        aPaymentTo(merchant, "500");
        deliverUntil(r -> r.size() == 1);
        String deliveryId = given().header("Authorization", merchantToken(merchant))
                .get("/v1/webhooks/{id}/deliveries", sub.id())
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");

        given().header("Authorization", merchantToken(merchant))
                .post("/v1/webhooks/{id}/deliveries/{d}/replay", sub.id(), deliveryId)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"));
        deliverUntil(r -> r.size() == 2);

        assertThat(receiver.received().get(1).eventId())
                .isEqualTo(receiver.received().get(0).eventId());
    }

    @Test
    void anAcquirerHearsOfItsTillPaymentsAndCancellations() {
        String bank = SettlementFixtures.aSettlementBank("CNY");
        String acquirer = aChineseAcquirer(bank);
        aRateInForceNow("CNY", "JPY", "21.2469", clock.instant());
        subscribe(acquirerToken(acquirer), List.of("payment.captured", "payment.cancelled"));
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
        given().header("Authorization", acquirerToken(acquirer))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/acquiring/payments/{id}/cancellation", id)
                .then()
                .statusCode(200);

        deliverUntil(r -> r.size() == 2);

        assertThat(receiver.received())
                .extracting(WebhookReceiver.Received::eventType)
                .containsExactly("payment.captured", "payment.cancelled");
        assertThat(JsonPath.from(receiver.received().get(1).body()).getString("data.merchantReference"))
                .isEqualTo("M-0042");
    }

    @Test
    void theSecretIsShownOnlyOnceAndOthersCannotSeeTheSubscription() {
        Subscription sub = subscribe(merchantToken(merchant), List.of("payment.captured"));

        given().header("Authorization", merchantToken(merchant))
                .get("/v1/webhooks/{id}", sub.id())
                .then()
                .statusCode(200)
                .body("secret", nullValue());
        given().header("Authorization", merchantToken(aMerchantInTokyo()))
                .get("/v1/webhooks/{id}", sub.id())
                .then()
                .statusCode(404)
                .body("code", equalTo("webhook_not_found"));
        given().header("Authorization", merchantToken(merchant))
                .delete("/v1/webhooks/{id}", sub.id())
                .then()
                .statusCode(204);
        given().header("Authorization", merchantToken(merchant))
                .get("/v1/webhooks/{id}", sub.id())
                .then()
                .statusCode(404);
    }

    @Test
    void webhooksGoToHttpsOrLocalhostOnly() {
        given().header("Authorization", merchantToken(merchant))
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://merchant.example/hook", "events", List.of("payment.captured")))
                .post("/v1/webhooks")
                .then()
                .statusCode(400)
                .body("code", equalTo("webhook_url_invalid"));
        given().header("Authorization", merchantToken(merchant))
                .contentType(ContentType.JSON)
                .body(Map.of("url", "https://merchant.example/hook", "events", List.of("payment.exploded")))
                .post("/v1/webhooks")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));
    }

    private record Subscription(String id, String secret) {}

    private Subscription subscribe(String token, List<String> events) {
        var answer = given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "events", events))
                .post("/v1/webhooks")
                .then()
                .statusCode(201)
                .extract();
        return new Subscription(answer.path("id"), answer.path("secret"));
    }

    private String aPaymentTo(String merchantId, String yen) {
        return pay(
                        traveller,
                        quoteId(traveller, walletId, dynamicQr(merchantId, yen), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Runs the worker (moving the clock past any backoff) until the receiver has seen what the test waits for. */
    private void deliverUntil(Predicate<List<WebhookReceiver.Received>> done) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    dispatcher.runOnce();
                    clock.advance(Duration.ofSeconds(2));
                    return done.test(receiver.received());
                });
    }
}
