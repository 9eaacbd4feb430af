package com.kakehashi.common.observability;

import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.SettlementFixtures.aMerchantOf;
import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static com.kakehashi.support.SettlementFixtures.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.support.Prometheus;
import com.kakehashi.support.Statements;
import com.kakehashi.support.Statements.Line;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The gauges operations watch: batches by state and run time, statements and open breaks, scheduler and pool. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class OperationsMetricsTest {
    @Inject
    TestClock clock;

    @Inject
    OperationsMetrics metrics;

    @Test
    void settlementAndReconciliationAreVisibleInPrometheus() {
        String bank = aSettlementBank("JPY");
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 10_000);
        pay(
                        traveller,
                        quoteId(traveller, wallet, dynamicQr(aMerchantOf(bank, "JPY"), "1200"), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201);
        metrics.refresh();
        double deliveredBefore =
                gauge("kakehashi_settlement_batches", "state", "DELIVERED").orElse(0.0);
        java.math.BigDecimal unexpectedBefore =
                Prometheus.sum("kakehashi_reconciliation_breaks_open", "outcome=\"UNEXPECTED_AT_BANK\"");
        run(bank, clock.instant()).then().statusCode(201);

        // A statement with one entry nobody expected: one statement, and an open break for that bank.
        LocalDate day = clock.instant().atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();
        List<Line> lines = List.of(new Line(
                "DBIT", 777, day, "UNKNOWN-" + UUID.randomUUID().toString().substring(0, 8), "Somebody"));
        String camt = Statements.camt053(
                "STMT-M-" + bank,
                "SETTLE-" + bank,
                "JPY",
                day.plusDays(3),
                1_000_000,
                1_000_000 + Statements.net(lines),
                lines);
        given().header("Authorization", Tokens.bearer(bank, "bank"))
                .contentType("application/xml")
                .body(camt)
                .post("/v1/reconciliation/statements")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(201, 202));

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .untilAsserted(() -> {
                    metrics.refresh();
                    assertThat(gauge("kakehashi_settlement_batches", "state", "DELIVERED"))
                            .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(deliveredBefore + 1));
                    assertThat(gauge("kakehashi_settlement_batch_run_seconds", "bank", bank))
                            .hasValueSatisfying(v ->
                                    assertThat(v).isGreaterThanOrEqualTo(0.0).isLessThan(600.0));
                    assertThat(gauge("kakehashi_reconciliation_statements", "bank", bank))
                            .contains(1.0);
                    assertThat(Prometheus.sum("kakehashi_reconciliation_breaks_open", "outcome=\"UNEXPECTED_AT_BANK\""))
                            .isGreaterThanOrEqualTo(unexpectedBefore.add(java.math.BigDecimal.ONE));
                });
        // every state is a series, zero included, so dashboards never lose one
        assertThat(gauge("kakehashi_settlement_batches", "state", "RECONCILED")).isPresent();
    }

    @Test
    void theSchedulerAndTheConnectionPoolAreMeasured() {
        assertThat(scrape()).contains("agroal_active_count{datasource=\"default\"}");
        // the gauges' own schedule runs once at start (and hourly) in tests
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .untilAsserted(
                        () -> assertThat(scrape()).containsPattern("scheduled_methods[a-z_]*\\{[^}]*scheduledRefresh"));
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static Optional<Double> gauge(String name, String tag, String value) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(scrape());
        while (m.find()) {
            if (m.group(1).contains(tag + "=\"" + value + "\"")) {
                return Optional.of(Double.parseDouble(m.group(2)));
            }
        }
        return Optional.empty();
    }
}
