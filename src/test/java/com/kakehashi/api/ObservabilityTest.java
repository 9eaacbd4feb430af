package com.kakehashi.api;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.kakehashi.support.Prometheus;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What operations see: health with the database, Prometheus counters, an OpenAPI document with examples. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class ObservabilityTest {
    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void paymentsAmountsProblemsAndLatencyAreExportedToPrometheus() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 1_000);
        String qr = dynamicQr(aMerchantInTokyo(), "100");
        String jpy = "currency=\"JPY\"";
        BigDecimal captured = Prometheus.sum("kakehashi_payments_captured_total", jpy);
        BigDecimal charged = Prometheus.sum("kakehashi_payments_charge_amount_sum", jpy);
        BigDecimal notFound = Prometheus.sum("kakehashi_problems_total", "code=\"wallet_not_found\"");
        BigDecimal paymentRequests = Prometheus.sum("http_server_requests_seconds_count", "uri=\"/v1/payments\"");

        pay(traveller, quoteId(traveller, walletId, qr, null), UUID.randomUUID().toString())
                .then()
                .statusCode(201);
        given().header("Authorization", Tokens.bearer(traveller, "traveller"))
                .get("/v1/wallets/{id}", UUID.randomUUID())
                .then()
                .statusCode(404);

        assertThat(Prometheus.sum("kakehashi_payments_captured_total", jpy).subtract(captured))
                .isEqualByComparingTo("1");
        assertThat(Prometheus.sum("kakehashi_payments_charge_amount_sum", jpy).subtract(charged))
                .isEqualByComparingTo("100");
        assertThat(Prometheus.sum("kakehashi_problems_total", "code=\"wallet_not_found\"")
                        .subtract(notFound))
                .isEqualByComparingTo("1");
        assertThat(Prometheus.sum("http_server_requests_seconds_count", "uri=\"/v1/payments\"")
                        .subtract(paymentRequests))
                .isEqualByComparingTo("1");
    }

    @Test
    void theOpenApiDocumentDescribesTheContractWithExamples() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/payments"))
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/fx/rates"))
                .body("components.schemas.Money.properties.amount.examples", hasItem("1280"));
    }
}
