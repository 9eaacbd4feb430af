package com.kakehashi.fx;

import static com.kakehashi.support.Fixtures.aMerchantInShanghai;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.quote;
import static com.kakehashi.support.Fixtures.staticQr;
import static com.kakehashi.support.FxFixtures.aRateInForceNow;
import static com.kakehashi.support.FxFixtures.publish;
import static com.kakehashi.support.FxFixtures.uploadRateFile;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.kakehashi.support.Fixtures;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 1, performed as the attacker did on real PostgreSQL: a partner bank's token tried to set the
 * retail CNY/JPY rate. Only a registered bank publishes, only its own corridors, never dated ahead; every
 * source's figure outside the plausibility band waits for a second operator and moves no price until then.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class FourEyesRatesTest {
    private static final String CN_BANK = "cn-settlement-bank";
    private static final String DESK_RATE = "21.2469";
    /** 128.50 CNY at 21.2469 with the corridor's 50 bps (docs/fx.md worked example). */
    private static final String TEA_AT_DESK_RATE = "2744";

    @Inject
    TestClock clock;

    @Inject
    com.kakehashi.wallet.application.TopUps topUps;

    private String traveller;
    private String walletId;
    private String teaHouse;

    @BeforeEach
    void aTeaHouseInShanghaiPricedAtTheDesksRate() {
        traveller = aTravellerSubject();
        walletId = aWalletWithYen(traveller, 10_000);
        // On a loaded machine a cold JVM can miss the sandbox bank's first answer (400 ms timeout in tests):
        // the top-up then stays pending until the pending check asks the bank again, as production does.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .pollDelay(java.time.Duration.ZERO)
                .until(() -> {
                    if ("10000".equals(Fixtures.balanceOf(traveller, walletId))) {
                        return true;
                    }
                    topUps.resolvePending(java.time.Duration.ZERO);
                    return false;
                });
        teaHouse = aMerchantInShanghai();
        aRateInForceNow("CNY", "JPY", DESK_RATE, clock.instant());
    }

    @Test
    void theFundingBanksTokenCannotSetTheRetailRate() {
        assertThat(teaCharge()).isEqualTo(TEA_AT_DESK_RATE);

        uploadRateFile("bank-csv", csv("CNY,JPY,,0.0001,," + clock.instant()), "jp-funding-bank", "bank")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("fx_source_not_allowed"));

        assertThat(teaCharge()).isEqualTo(TEA_AT_DESK_RATE);
        assertThat(pendingFrom("bank:jp-funding-bank")).isEmpty();
    }

    @Test
    void anUnregisteredSubjectPublishesNothingEvenThroughAnOperator() {
        uploadRateFile("bank-csv", csv("CNY,JPY,,21.25,," + clock.instant()), "ghost-bank", "bank")
                .then()
                .statusCode(403)
                .body("code", equalTo("fx_source_not_allowed"));
        given().header("Authorization", Tokens.operator())
                .contentType("text/csv")
                .body(csv("CNY,JPY,,21.25,," + clock.instant()))
                .post("/v1/fx/rate-files?format=bank-csv&bankId=ghost-bank")
                .then()
                .statusCode(403)
                .body("code", equalTo("fx_source_not_allowed"));

        assertThat(pendingFrom("bank:ghost-bank")).isEmpty();
        assertThat(teaCharge()).isEqualTo(TEA_AT_DESK_RATE);
    }

    @Test
    void aBankPublishesOnlyThePairsOfItsOwnCorridors() {
        uploadRateFile("bank-csv", csv("EUR,JPY,,161.20,," + clock.instant()), CN_BANK, "bank")
                .then()
                .statusCode(403)
                .body("code", equalTo("fx_source_not_allowed"))
                .body("detail", org.hamcrest.Matchers.containsString("EUR/JPY"));
        // One pair outside the corridors refuses the whole file: nothing of it is published.
        uploadRateFile(
                        "bank-csv",
                        csv("CNY,JPY,,21.25,," + clock.instant() + "\nUSD,JPY,,150,," + clock.instant()),
                        CN_BANK,
                        "bank")
                .then()
                .statusCode(403)
                .body("code", equalTo("fx_source_not_allowed"));
        assertThat(midOf("CNY", "JPY")).isEqualTo(DESK_RATE);
    }

    @Test
    void aRateFileDatedIn2099IsATimeBombAndRefusedWhileSmallClockSkewIsAllowed() {
        uploadRateFile("bank-csv", csv("HKD,TWD,,4.10,,2099-01-01T00:00:00Z"), CN_BANK, "bank")
                .then()
                .statusCode(422)
                .body("code", equalTo("fx_rate_future_dated"));
        given().header("Authorization", Fixtures.travellerToken("t"))
                .queryParams("base", "HKD", "quote", "TWD", "at", "2099-01-02T00:00:00Z")
                .get("/v1/fx/rates")
                .then()
                .statusCode(422)
                .body("code", equalTo("fx_rate_unavailable"));

        // The first rate of a pair has nothing in force to be compared with: no band applies (docs/fx.md).
        uploadRateFile("bank-csv", csv("HKD,TWD,,4.10,," + clock.instant().plusSeconds(60)), CN_BANK, "bank")
                .then()
                .statusCode(200)
                .body("stored", equalTo(1))
                .body("held", equalTo(0));
    }

    @Test
    void theAttackersFigureFromAnAllowedBankIsHeldAndCanBeRejected() {
        Response upload = uploadRateFile("bank-csv", csv("CNY,JPY,,0.0001,," + clock.instant()), CN_BANK, "bank");
        upload.then()
                .statusCode(202)
                .body("stored", equalTo(0))
                .body("held", equalTo(1))
                .body("pending[0].status", equalTo("PENDING_APPROVAL"))
                .body("pending[0].rate", equalTo("0.0001"))
                .body("pending[0].rateInForce", equalTo(DESK_RATE))
                .body("pending[0].deviationBps", equalTo(-10000))
                .body("pending[0].bandBps", equalTo(500))
                .body("pending[0].submittedBy", equalTo(CN_BANK));
        String id = upload.then().extract().path("pending[0].id");
        assertThat(teaCharge()).isEqualTo(TEA_AT_DESK_RATE);

        asOperator()
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "0.0001 yen per yuan is a fat finger"))
                .post("/v1/fx/rates/pending/{id}/rejection", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("reason", equalTo("0.0001 yen per yuan is a fat finger"));
        asOperator()
                .post("/v1/fx/rates/pending/{id}/approval", id)
                .then()
                .statusCode(409)
                .body("code", equalTo("fx_rate_out_of_band"));

        assertThat(teaCharge()).isEqualTo(TEA_AT_DESK_RATE);
        asOperator()
                .get("/v1/fx/rates/pending/{id}/audit", id)
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].status", equalTo("PENDING_APPROVAL"))
                .body("[0].actor", equalTo(CN_BANK))
                .body("[1].status", equalTo("REJECTED"));
    }

    @Test
    void anOutOfBandBankFigureChangesNoPriceUntilASecondOperatorApprovesIt() {
        Response upload =
                uploadRateFile("bank-csv", csv("CNY,JPY,21.40,23.50,23.60," + clock.instant()), CN_BANK, "bank");
        // (23.50 − 21.2469) / 21.2469 = +1060.4 bps, rounded away from zero
        upload.then().statusCode(202).body("pending[0].deviationBps", equalTo(1061));
        String id = upload.then().extract().path("pending[0].id");

        asOperator()
                .get("/v1/fx/rates/pending")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }.source", equalTo("bank:" + CN_BANK))
                .body("find { it.id == '" + id + "' }.base", equalTo("CNY"));
        assertThat(teaCharge()).isEqualTo(TEA_AT_DESK_RATE);
        assertThat(midOf("CNY", "JPY")).isEqualTo(DESK_RATE);

        asOperator()
                .post("/v1/fx/rates/pending/{id}/approval", id)
                .then()
                .statusCode(200)
                .body("mid", equalTo("23.5"))
                .body("source", equalTo("bank:" + CN_BANK));

        // 128.50 × 23.5 × 1.005 = 3034.85 → 3035 yen
        assertThat(teaCharge()).isEqualTo("3035");
        asOperator().get("/v1/fx/rates/pending/{id}", id).then().statusCode(200).body("status", equalTo("APPROVED"));
        assertThat(pendingFrom("bank:" + CN_BANK).stream().map(p -> p.get("id")))
                .doesNotContain(id);
    }

    @Test
    void anOperatorsOutOfBandFigureNeedsASecondOperatorNeverItsSubmitter() {
        String alice = Tokens.bearer("ops-alice-" + System.nanoTime(), "operator");
        Response held = given().header("Authorization", alice)
                .contentType(ContentType.JSON)
                .body(Map.of("base", "CNY", "quote", "JPY", "mid", "25.00", "source", "treasury-desk"))
                .post("/v1/fx/rates");
        held.then().statusCode(202).body("status", equalTo("PENDING_APPROVAL")).body("rate", equalTo("25"));
        String id = held.then().extract().path("id");

        given().header("Authorization", alice)
                .post("/v1/fx/rates/pending/{id}/approval", id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("fx_second_operator_required"));
        assertThat(teaCharge()).isEqualTo(TEA_AT_DESK_RATE);

        asOperator()
                .post("/v1/fx/rates/pending/{id}/approval", id)
                .then()
                .statusCode(200)
                .body("mid", equalTo("25"));
        asOperator()
                .post("/v1/fx/rates/pending/{id}/approval", id)
                .then()
                .statusCode(409)
                .body("code", equalTo("fx_rate_out_of_band"));
        assertThat(midOf("CNY", "JPY")).isEqualTo("25");
    }

    @Test
    void anOutOfBandEcbRateIsHeldUntilAnotherOperatorApprovesIt() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String uploader = "ops-ecb-" + System.nanoTime();
        uploadRateFile("ecb", ecb(today.minusDays(3), "38.00"), uploader, "operator")
                .then()
                .statusCode(200)
                .body("stored", equalTo(1));
        Response held = uploadRateFile("ecb", ecb(today.minusDays(2), "45.60"), uploader, "operator");
        held.then()
                .statusCode(202)
                .body("held", equalTo(1))
                .body("pending[0].source", equalTo("ECB"))
                .body("pending[0].deviationBps", equalTo(2000));
        String id = held.then().extract().path("pending[0].id");
        assertThat(midOf("EUR", "THB")).isEqualTo("38");

        given().header("Authorization", Tokens.bearer(uploader, "operator"))
                .post("/v1/fx/rates/pending/{id}/approval", id)
                .then()
                .statusCode(403)
                .body("code", equalTo("fx_second_operator_required"));
        asOperator().post("/v1/fx/rates/pending/{id}/approval", id).then().statusCode(200);
        assertThat(midOf("EUR", "THB")).isEqualTo("45.6");
    }

    @Test
    void aFigureReviewedAgainstARateNoLongerInForceCannotBeApproved() {
        String id = publish("CNY", "JPY", "25.00", "treasury-desk", clock.instant())
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        publish("CNY", "JPY", "21.30", "treasury-desk", clock.instant().plusMillis(1))
                .then()
                .statusCode(201);

        asOperator()
                .post("/v1/fx/rates/pending/{id}/approval", id)
                .then()
                .statusCode(409)
                .body("code", equalTo("fx_rate_out_of_band"))
                .body("detail", org.hamcrest.Matchers.containsString("moved"));
        assertThat(midOf("CNY", "JPY")).isEqualTo("21.3");
    }

    @Test
    void twoOperatorsApprovingAtOnceGetOnePublicationAndOneConflict() throws Exception {
        publish("ZAR", "ILS", "0.2000", "desk-z", clock.instant()).then().statusCode(201);
        String id = publish("ZAR", "ILS", "0.3000", "desk-z", clock.instant().plusMillis(1))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Integer>> approvals = List.of(1, 2).stream()
                    .map(i -> CompletableFuture.supplyAsync(
                            () -> {
                                String token = Tokens.operator();
                                await(start);
                                return given().header("Authorization", token)
                                        .post("/v1/fx/rates/pending/{id}/approval", id)
                                        .statusCode();
                            },
                            pool))
                    .toList();
            start.countDown();
            List<Integer> statuses =
                    approvals.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(statuses).containsExactly(200, 409);
        } finally {
            pool.shutdownNow();
        }
        asOperator()
                .queryParams("base", "ZAR", "quote", "ILS")
                .get("/v1/fx/rates/history")
                .then()
                .statusCode(200)
                .body("$", hasSize(2));
        asOperator().get("/v1/fx/rates/pending/{id}/audit", id).then().body("$", hasSize(2));
    }

    @Test
    void aSourceCannotFloodTheApprovalQueue() {
        java.time.Instant now = clock.instant();
        publish("NZD", "FJD", "1.3500", "desk-r", now.minusSeconds(3600)).then().statusCode(201);
        int heldBefore = pendingFrom("bank:" + CN_BANK).size();
        StringBuilder flood = new StringBuilder();
        for (int i = 0; i < 101; i++) { // one more than kakehashi.fx.band.max-held-per-source
            flood.append("NZD,FJD,,2.70,,").append(now.minusSeconds(1800 - i)).append('\n');
        }
        uploadRateFile("bank-csv", csv(flood.toString().strip()), CN_BANK, "bank")
                .then()
                .statusCode(409)
                .body("code", equalTo("fx_rate_out_of_band"));
        assertThat(pendingFrom("bank:" + CN_BANK)).hasSize(heldBefore); // all or nothing: none of it is held
        assertThat(midOf("NZD", "FJD")).isEqualTo("1.35");
    }

    @Test
    void onlyOperatorsSeeAndDecideHeldRates() {
        given().header("Authorization", Tokens.bearer(CN_BANK, "bank"))
                .get("/v1/fx/rates/pending")
                .then()
                .statusCode(403);
        given().header("Authorization", Fixtures.travellerToken(traveller))
                .get("/v1/fx/rates/pending")
                .then()
                .statusCode(403);
        given().get("/v1/fx/rates/pending").then().statusCode(401);
        asOperator()
                .get("/v1/fx/rates/pending/{id}", "not-a-uuid")
                .then()
                .statusCode(404)
                .body("code", equalTo("fx_pending_rate_not_found"));
        asOperator()
                .get("/v1/fx/rates/pending?status=MAYBE")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));
        asOperator()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/v1/fx/rates/pending/{id}/rejection", java.util.UUID.randomUUID())
                .then()
                .statusCode(400);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String teaCharge() {
        return quote(traveller, walletId, staticQr(teaHouse), "128.50", "CNY")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .path("charge.amount");
    }

    private static String midOf(String base, String quote) {
        return given().header("Authorization", Fixtures.travellerToken("t"))
                .queryParams("base", base, "quote", quote)
                .get("/v1/fx/rates")
                .then()
                .statusCode(200)
                .extract()
                .path("mid");
    }

    private static List<Map<String, Object>> pendingFrom(String source) {
        List<Map<String, Object>> all = asOperator()
                .get("/v1/fx/rates/pending")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return all.stream().filter(p -> source.equals(p.get("source"))).toList();
    }

    private static io.restassured.specification.RequestSpecification asOperator() {
        return given().header("Authorization", Tokens.operator());
    }

    static String csv(String lines) {
        return "base,quote,bid,mid,ask,valid_from\n" + lines + "\n";
    }

    private static String ecb(LocalDate day, String thb) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
                  <Cube><Cube time='%s'><Cube currency='THB' rate='%s'/></Cube></Cube>
                </gesmes:Envelope>
                """.formatted(day, thb);
    }
}
