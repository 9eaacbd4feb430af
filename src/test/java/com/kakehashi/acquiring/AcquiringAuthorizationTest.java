package com.kakehashi.acquiring;

import static com.kakehashi.support.AcquiringFixtures.aChineseAcquirer;
import static com.kakehashi.support.AcquiringFixtures.aPaymentCode;
import static com.kakehashi.support.AcquiringFixtures.acquire;
import static com.kakehashi.support.AcquiringFixtures.acquirerRequest;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.FxFixtures.aRateInForceNow;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.support.AcquiringFixtures;
import com.kakehashi.support.SettlementFixtures;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The acquiring and webhook endpoints x every role x own/other (as AuthorizationMatrixTest does for the rest). */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class AcquiringAuthorizationTest {
    @Inject
    TestClock clock;

    @Test
    void everyAcquiringEndpointAdmitsExactlyItsRolesAndOwners() {
        String traveller = aTravellerSubject();
        String walletId = AcquiringFixtures.aWalletHolding(traveller, 10_000);
        String bank = SettlementFixtures.aSettlementBank("CNY");
        String acquirer = aChineseAcquirer(bank);
        aRateInForceNow("CNY", "JPY", "21.2469", clock.instant());
        String paymentId = acquire(
                        acquirer,
                        aPaymentCode(traveller, walletId),
                        "10.00",
                        "CNY",
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, String> who = new LinkedHashMap<>();
        who.put("anonymous", null);
        who.put("own traveller", Tokens.bearer(traveller, "traveller"));
        who.put("other traveller", Tokens.bearer(aTravellerSubject(), "traveller"));
        who.put("merchant", Tokens.bearer(UUID.randomUUID().toString(), "merchant"));
        who.put("own acquirer", Tokens.bearer(acquirer, "acquirer"));
        who.put("other acquirer", Tokens.bearer(aChineseAcquirer(bank), "acquirer"));
        who.put("bank", Tokens.bearer(bank, "bank"));
        who.put("operator", Tokens.operator());
        List<String> failures = new ArrayList<>();

        check(
                failures,
                who,
                "POST /v1/acquirers",
                r -> r.body(acquirerRequest(
                                "acq-" + UUID.randomUUID().toString().substring(0, 8), bank, null, List.of()))
                        .post("/v1/acquirers")
                        .statusCode(),
                Map.of("operator", 201),
                403);
        check(
                failures,
                who,
                "GET /v1/acquirers",
                r -> r.get("/v1/acquirers").statusCode(),
                Map.of("operator", 200),
                403);
        check(
                failures,
                who,
                "GET /v1/acquirers/{id}",
                r -> r.get("/v1/acquirers/{id}", acquirer).statusCode(),
                Map.of("operator", 200, "own acquirer", 200, "other acquirer", 404),
                403);
        check(
                failures,
                who,
                "POST /v1/wallets/{id}/payment-codes",
                r -> r.post("/v1/wallets/{id}/payment-codes", walletId).statusCode(),
                Map.of("own traveller", 201, "other traveller", 404),
                403);
        check(
                failures,
                who,
                "POST /v1/acquiring/payments",
                r -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(AcquiringFixtures.paymentBody("812345678901234567", "1.00", "CNY"))
                        .post("/v1/acquiring/payments")
                        .statusCode(),
                Map.of("own acquirer", 422, "other acquirer", 422),
                403);
        check(
                failures,
                who,
                "GET /v1/acquiring/payments/{id}",
                r -> r.get("/v1/acquiring/payments/{id}", paymentId).statusCode(),
                Map.of("own acquirer", 200, "other acquirer", 404, "operator", 200),
                403);
        check(
                failures,
                who,
                "POST /v1/acquiring/payments/{id}/refunds",
                r -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("amount", Map.of("amount", "1.00", "currency", "CNY")))
                        .post("/v1/acquiring/payments/{id}/refunds", paymentId)
                        .statusCode(),
                Map.of("own acquirer", 201, "other acquirer", 404),
                403);
        check(
                failures,
                who,
                "GET /v1/webhooks",
                r -> r.get("/v1/webhooks").statusCode(),
                Map.of("merchant", 200, "own acquirer", 200, "other acquirer", 200, "operator", 200),
                403);

        assertThat(failures).isEmpty();
    }

    private static void check(
            List<String> failures,
            Map<String, String> who,
            String call,
            Function<RequestSpecification, Integer> request,
            Map<String, Integer> admitted,
            int otherwise) {
        who.forEach((name, token) -> {
            RequestSpecification spec = given().contentType(ContentType.JSON);
            if (token != null) {
                spec = spec.header("Authorization", token);
            }
            int expected = token == null ? 401 : admitted.getOrDefault(name, otherwise);
            int actual = request.apply(spec);
            if (actual != expected) {
                failures.add(call + " as " + name + ": expected " + expected + ", got " + actual);
            }
        });
    }
}
