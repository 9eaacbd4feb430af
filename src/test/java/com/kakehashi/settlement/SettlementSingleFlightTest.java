package com.kakehashi.settlement;

import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.SettlementFixtures.aMerchantOf;
import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static com.kakehashi.support.SettlementFixtures.bankRequest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.kakehashi.settlement.application.SettlementRuns;
import com.kakehashi.settlement.domain.BatchState;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 5: ten concurrent runs (or redeliveries) of one batch deliver its files once, never share a
 * temporary file, and failures neither deadlock nor answer 500. On real PostgreSQL, with real threads.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class SettlementSingleFlightTest {
    private static final int RUNS = 10;

    @Inject
    SettlementRuns runs;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void tenConcurrentRunsOfOneBatchDeliverItsFilesOnce() throws Exception {
        String bank = aSettlementBank("JPY");
        aPaymentTo(aMerchantOf(bank, "JPY"), "1200");
        Instant cutoff = clock.instant();

        List<SettlementRuns.Run> results = allAtOnce(() -> runs.run(bank, cutoff, "instance"));

        UUID batchId = results.get(0).batch().id();
        assertThat(results).extracting(r -> r.batch().id()).containsOnly(batchId);
        assertThat(runs.batch(batchId).state()).isEqualTo(BatchState.DELIVERED);
        assertThat(count("select count(*) from settlement_delivery where batch_id = ?", batchId))
                .isEqualTo(2);
        assertThat(count(
                        "select count(*) from settlement_batch_event where batch_id = ? and state = 'DELIVERED'",
                        batchId))
                .isEqualTo(1);
        try (var files = Files.list(Path.of("target/test-settlement-outbox", bank))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .hasSize(2)
                    .allSatisfy(name -> assertThat(name).doesNotStartWith(".").doesNotEndWith(".partial"));
        }
    }

    @Test
    void tenConcurrentRedeliveriesSendTheFilesOnce() throws Exception {
        WireMockServer intake = intake(201);
        try {
            String bank = anHttpsBank(intake);
            aPaymentTo(aMerchantOf(bank, "JPY"), "800");
            UUID batchId = runs.run(bank, clock.instant(), "test").batch().id();
            intake.resetRequests();
            slowDown(intake, 201); // every redelivery has seen the batch before the first one finishes

            List<Object> results = allAtOnce(() -> runs.redeliver(batchId, "operator"));

            assertThat(results).hasSize(RUNS);
            intake.verify(2, WireMock.putRequestedFor(WireMock.urlPathMatching("/settlement-files/.*")));
            assertThat(count(
                            "select count(*) from settlement_batch_event where batch_id = ? and state = 'DELIVERED'",
                            batchId))
                    .isEqualTo(2); // the first delivery and exactly one redelivery
        } finally {
            intake.stop();
        }
    }

    @Test
    void tenConcurrentRunsOfARefusedBatchFailItOnceWithoutDeadlock() throws Exception {
        WireMockServer intake = intake(422);
        try {
            String bank = anHttpsBank(intake);
            aPaymentTo(aMerchantOf(bank, "JPY"), "900");
            Instant cutoff = clock.instant();

            List<SettlementRuns.Run> results = allAtOnce(() -> runs.run(bank, cutoff, "instance"));

            UUID batchId = results.get(0).batch().id();
            assertThat(runs.batch(batchId).state()).isEqualTo(BatchState.FAILED);
            assertThat(runs.batch(batchId).failureReason()).contains("HTTP 422");
            intake.verify(1, WireMock.putRequestedFor(WireMock.urlPathMatching("/settlement-files/.*")));
            assertThat(count(
                            "select count(*) from settlement_batch_event where batch_id = ? and state = 'FAILED'",
                            batchId))
                    .isEqualTo(1);
            // the operator's concurrent redeliveries of the failed batch: one attempt, no 500
            intake.resetRequests();
            slowDown(intake, 422);
            List<Integer> statuses = allAtOnce(() -> given().header("Authorization", Tokens.operator())
                    .post("/v1/settlement/batches/{id}/redeliver", batchId)
                    .statusCode());
            assertThat(statuses).containsOnly(200);
            intake.verify(1, WireMock.putRequestedFor(WireMock.urlPathMatching("/settlement-files/.*")));
        } finally {
            intake.stop();
        }
    }

    private <T> List<T> allAtOnce(Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static WireMockServer intake(int status) {
        WireMockServer intake =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        intake.start();
        intake.stubFor(WireMock.put(WireMock.urlPathMatching("/settlement-files/.*"))
                .willReturn(WireMock.aResponse().withStatus(status)));
        return intake;
    }

    private static void slowDown(WireMockServer intake, int status) {
        intake.stubFor(WireMock.put(WireMock.urlPathMatching("/settlement-files/.*"))
                .willReturn(WireMock.aResponse().withStatus(status).withFixedDelay(1500)));
    }

    private static String anHttpsBank(WireMockServer intake) {
        String id = "bank-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(bankRequest(id, "JPY", "HTTPS", intake.baseUrl()))
                .post("/v1/banks")
                .then()
                .statusCode(201);
        return id;
    }

    private static void aPaymentTo(String merchant, String yen) {
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 10_000);
        pay(
                        traveller,
                        quoteId(traveller, wallet, dynamicQr(merchant, yen), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201);
    }

    private long count(String sql, UUID batchId) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(sql)) {
            s.setObject(1, batchId);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
