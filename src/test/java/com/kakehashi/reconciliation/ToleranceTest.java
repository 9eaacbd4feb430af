package com.kakehashi.reconciliation;

import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.SettlementFixtures.aMerchantOf;
import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static com.kakehashi.support.SettlementFixtures.run;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.kakehashi.support.NonDefaultSettings;
import com.kakehashi.support.Statements;
import com.kakehashi.support.Statements.Line;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With a tolerance of one minor unit, a bank's rounding difference of one yen still matches; two do not. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
@TestProfile(NonDefaultSettings.class) // a tolerance of one minor unit
class ToleranceTest {
    @Inject
    TestClock clock;

    @Test
    void differencesWithinTheToleranceMatchAndBeyondItAreMismatches() {
        String bank = aSettlementBank("JPY");
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 10_000);
        pay(
                        traveller,
                        quoteId(traveller, wallet, dynamicQr(aMerchantOf(bank, "JPY"), "1000"), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201);
        pay(
                        traveller,
                        quoteId(traveller, wallet, dynamicQr(aMerchantOf(bank, "JPY"), "2000"), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201);
        var cutoff = clock.instant();
        String batchId = run(bank, cutoff).then().statusCode(201).extract().path("id");
        List<Map<String, Object>> items = given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}", batchId)
                .then()
                .extract()
                .jsonPath()
                .getList("items");
        var day = cutoff.atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();
        List<Line> lines = items.stream()
                .map(item -> {
                    long net = Long.parseLong((String) ((Map<?, ?>) item.get("net")).get("amount"));
                    long reported = net == 1000 ? 999 : net + 2; // one yen short, two yen over
                    return new Line(
                            "DBIT", reported, day, (String) item.get("endToEndId"), (String) item.get("merchantName"));
                })
                .toList();

        com.kakehashi.support.StatementUploads.submitAndWait(
                        bank,
                        "application/xml",
                        Statements.camt053(
                                "TOL-1",
                                "SETTLE-" + bank,
                                "JPY",
                                day.plusDays(3),
                                5000,
                                5000 + Statements.net(lines),
                                lines))
                .then()
                .body("state", equalTo("PROCESSED"));

        given().header("Authorization", Tokens.operator())
                .queryParams("bankId", bank, "status", "OPEN")
                .get("/v1/reconciliation/breaks")
                .then()
                .body("$", hasSize(1))
                .body("[0].outcome", equalTo("AMOUNT_MISMATCH"))
                .body("[0].difference.amount", equalTo("2"));
    }
}
