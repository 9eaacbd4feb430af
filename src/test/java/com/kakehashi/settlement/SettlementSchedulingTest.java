package com.kakehashi.settlement;

import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.SettlementFixtures.aMerchantOf;
import static com.kakehashi.support.SettlementFixtures.bankRequest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.kakehashi.settlement.application.SettlementScheduler;
import com.kakehashi.support.FxFixtures;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cut-offs come from each bank's schedule in its own zone; missed ones are caught up once; banks are managed by API. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class SettlementSchedulingTest {
    @Inject
    SettlementScheduler scheduler;

    @Inject
    TestClock clock;

    private static String newBank(String currency, String channel, String target, Instant settlesFrom, String cron) {
        String id = "bank-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = bankRequest(id, currency, channel, target == null ? id : target);
        body.put("settlesFrom", settlesFrom.toString());
        body.put("cutoffSchedule", List.of(cron));
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v1/banks")
                .then()
                .statusCode(201)
                .body("id", equalTo(id))
                .body("version", equalTo(0));
        return id;
    }

    @Test
    void missedCutoffsAreCaughtUpOnceEachAndNeverAgain() {
        // On a business day (Wednesday 2026-11-25, 21:00 in Tokyo): weekend and holiday cut-offs make no batch.
        clock.setTo(Instant.parse("2026-11-25T12:00:00Z"));
        Instant threeHoursAgo = clock.instant().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        String bank = newBank("JPY", "DIRECTORY", null, threeHoursAgo.minusSeconds(1), "0 0 * * * ?"); // hourly
        List<Instant> first = scheduler.runDueFor(bank, clock.instant());
        List<Instant> second = scheduler.runDueFor(bank, clock.instant());

        List<Map<String, Object>> batches = given().header("Authorization", Tokens.operator())
                .queryParam("bankId", bank)
                .get("/v1/settlement/batches")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(batches).hasSize(4); // the hours at -3, -2, -1 and the last full hour... up to now
        assertThat(batches).allSatisfy(b -> assertThat(b.get("state")).isEqualTo("DELIVERED"));
        assertThat(first).contains(threeHoursAgo);
        assertThat(second).doesNotContainAnyElementsOf(first);
    }

    @Test
    void aChineseBanksBatchCarriesTheFxCoverOfTheYenItsMerchantsReceived() {
        FxFixtures.aRateInForceNow("CNY", "JPY", "21.2469", clock.instant());
        String bank = newBank("CNY", "DIRECTORY", null, clock.instant().minusSeconds(60), "0 0 22 * * ?");
        String merchant = aMerchantOf(bank, "CNY");
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 20_000);
        pay(
                        traveller,
                        quoteId(traveller, wallet, dynamicQr(merchant, "128.50"), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("charge.amount", equalTo("2744"));

        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("bankId", bank, "cutoff", clock.instant().toString()))
                .post("/v1/settlement/runs")
                .then()
                .statusCode(201)
                .body("totals.payout.amount", equalTo("128.50"))
                .body("totals.payout.currency", equalTo("CNY"))
                .body("totals.fxCover.sold.amount", equalTo("2744"))
                .body("totals.fxCover.sold.currency", equalTo("JPY"))
                .body("totals.fxCover.bought.amount", equalTo("128.50"));
    }

    @Test
    void httpsBanksReceiveTheFilesWithAnIdempotencyKeyAndFailuresAreRecorded() {
        WireMockServer intake =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        intake.start();
        try {
            intake.stubFor(WireMock.put(WireMock.urlPathMatching("/settlement-files/.*"))
                    .willReturn(WireMock.aResponse().withStatus(201)));
            String bank =
                    newBank("JPY", "HTTPS", intake.baseUrl(), clock.instant().minusSeconds(60), "0 0 18 * * ?");
            String merchant = aMerchantOf(bank, "JPY");
            String traveller = aTravellerSubject();
            String wallet = aWalletWithYen(traveller, 5_000);
            pay(
                            traveller,
                            quoteId(traveller, wallet, dynamicQr(merchant, "1000"), null),
                            UUID.randomUUID().toString())
                    .then()
                    .statusCode(201);
            String batchId = given().header("Authorization", Tokens.operator())
                    .contentType(ContentType.JSON)
                    .body(Map.of("bankId", bank, "cutoff", clock.instant().toString()))
                    .post("/v1/settlement/runs")
                    .then()
                    .statusCode(201)
                    .body("state", equalTo("DELIVERED"))
                    .extract()
                    .path("id");
            intake.verify(
                    1,
                    WireMock.putRequestedFor(WireMock.urlPathMatching("/settlement-files/.*\\.pain001\\.xml"))
                            .withHeader("Idempotency-Key", WireMock.equalTo(batchId + ":pain001")));

            intake.stubFor(WireMock.put(WireMock.urlPathMatching("/settlement-files/.*"))
                    .willReturn(WireMock.aResponse().withStatus(422)));
            given().header("Authorization", Tokens.operator())
                    .post("/v1/settlement/batches/{id}/redeliver", batchId)
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("FAILED"))
                    .body("failureReason", org.hamcrest.Matchers.containsString("HTTP 422"));
        } finally {
            intake.stop();
        }
    }

    @Test
    void operatorsManageTheBankRegistry() {
        String bank = newBank("JPY", "DIRECTORY", null, clock.instant(), "0 0 18 * * ?");
        Map<String, Object> change = bankRequest(bank, "JPY", "DIRECTORY", bank);
        change.put("cutoffSchedule", List.of("0 0 12 * * ?", "0 0 18 * * ?"));
        change.put("version", 0);
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(change)
                .put("/v1/banks/{id}", bank)
                .then()
                .statusCode(200)
                .body("cutoffSchedule.size()", equalTo(2))
                .body("version", equalTo(1));
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(change)
                .put("/v1/banks/{id}", bank)
                .then()
                .statusCode(409)
                .body("code", equalTo("concurrent_modification"));
        change.put("cutoffSchedule", List.of("every day at six"));
        change.remove("version");
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(change)
                .put("/v1/banks/{id}", bank)
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(bankRequest(bank, "JPY", "DIRECTORY", bank))
                .post("/v1/banks")
                .then()
                .statusCode(409)
                .body("code", equalTo("bank_already_exists"));
        given().header("Authorization", Tokens.operator())
                .get("/v1/banks/{id}", bank)
                .then()
                .statusCode(200)
                .body("settlementAccount", equalTo("SETTLE-" + bank));
        given().header("Authorization", Tokens.bearer(bank, "bank"))
                .get("/v1/banks")
                .then()
                .statusCode(403);
    }
}
