package com.kakehashi.api;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quote;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.Fixtures.refund;
import static com.kakehashi.support.Fixtures.travellerToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.kakehashi.support.SettlementFixtures;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live answers checked against the service's own OpenAPI document (Atlassian swagger-request-validator as a
 * RestAssured filter): status codes, media types and bodies of successes and problems. Plus what the document
 * itself must say: 201s, the Problem schema on every error, Idempotency-Key required, a schema everywhere.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class OpenApiContractTest {
    @jakarta.inject.Inject
    com.kakehashi.support.TestClock clock;

    @AfterEach
    void removeValidation() {
        RestAssured.replaceFiltersWith(List.of());
    }

    /** Requests and answers both checked: for calls that are meant to be valid. */
    private static void validateRequestsAndAnswers() {
        RestAssured.replaceFiltersWith(new OpenApiValidationFilter(validator(false)));
    }

    /** Answers only: for calls that are wrong on purpose, whose problem answers must still match the document. */
    private static void validateAnswersOnly() {
        RestAssured.replaceFiltersWith(new OpenApiValidationFilter(validator(true)));
    }

    private static OpenApiInteractionValidator validator(boolean answersOnly) {
        String document = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // POST /v1/wallets takes no body; the shared fixture sends "{}", which the service ignores.
        LevelResolver.Builder levels =
                LevelResolver.create().withLevel("validation.request.body.unexpected", ValidationReport.Level.WARN);
        if (answersOnly) {
            levels.withLevel("validation.request", ValidationReport.Level.IGNORE);
        }
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(levels.build())
                .build();
    }

    @Test
    void aTravellersJourneyAnswersAsDocumented() {
        validateRequestsAndAnswers();
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 20_000);
        String merchant = aMerchantInTokyo();
        String paymentKey = UUID.randomUUID().toString();
        String paymentId = pay(traveller, quoteId(traveller, wallet, dynamicQr(merchant, "1500"), null), paymentKey)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", travellerToken(traveller))
                .get("/v1/payments/{id}", paymentId)
                .then()
                .statusCode(200);
        given().header("Authorization", travellerToken(traveller))
                .get("/v1/wallets/{id}", wallet)
                .then()
                .statusCode(200);
        given().header("Authorization", travellerToken(traveller))
                .queryParam("page", 0)
                .queryParam("size", 10)
                .get("/v1/wallets/{id}/transactions", wallet)
                .then()
                .statusCode(200);
        refund(merchant, paymentId, "500", "JPY", UUID.randomUUID().toString())
                .then()
                .statusCode(201);
    }

    @Test
    void operatorCallsAnswerAsDocumented() {
        validateRequestsAndAnswers();
        String bank = SettlementFixtures.aSettlementBank("JPY");
        given().header("Authorization", Tokens.operator())
                .get("/v1/banks/{id}", bank)
                .then()
                .statusCode(200);
        given().header("Authorization", Tokens.operator())
                .get("/v1/banks")
                .then()
                .statusCode(200);
        given().header("Authorization", Tokens.operator())
                .get("/v1/merchants")
                .then()
                .statusCode(200);
        String batch = SettlementFixtures.run(bank, clock.instant())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}", batch)
                .then()
                .statusCode(200);
        given().header("Authorization", Tokens.operator())
                .get("/v1/fx/positions")
                .then()
                .statusCode(200);
    }

    @Test
    void problemsAnswerAsDocumented() {
        validateAnswersOnly();
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 100);
        // 401, 403, 404, 400 (missing key, invalid body), 422 (business rule): each a documented problem
        given().get("/v1/wallets").then().statusCode(401);
        given().header("Authorization", travellerToken(traveller))
                .get("/v1/fx/positions")
                .then()
                .statusCode(403);
        given().header("Authorization", travellerToken(traveller))
                .get("/v1/wallets/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", travellerToken(traveller))
                .contentType(ContentType.JSON)
                .body(Map.of("quoteToken", "not-a-sealed-quote"))
                .post("/v1/payments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", travellerToken(traveller))
                .contentType(ContentType.JSON)
                .body("{\"walletId\":")
                .post("/v1/quotes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        quote(traveller, wallet, dynamicQr(aMerchantInTokyo(), "5000"), null, null)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void theDocumentTellsTheTruth() {
        JsonPath doc = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(doc.getMap("components.schemas.Problem.properties")).containsKeys("type", "title", "status", "code");
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses =
                        (Map<String, Map<String, Object>>) op.getValue().get("responses");
                assertThat(responses).as(where).containsKey("default");
                responses.forEach((code, response) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Object>> content =
                            (Map<String, Map<String, Object>>) response.get("content");
                    if (code.equals("default") || code.startsWith("4") || code.startsWith("5")) {
                        assertThat(content).as(where + " " + code).containsOnlyKeys("application/problem+json");
                        assertThat(content.get("application/problem+json").toString())
                                .contains("#/components/schemas/Problem");
                    } else if (!code.equals("204")) {
                        assertThat(content)
                                .as(where + " " + code + " has a body schema")
                                .isNotEmpty();
                        content.forEach((type, media) -> assertThat((Map<?, ?>) media.get("schema"))
                                .as(where + " " + code + " " + type + " schema")
                                .isNotEmpty());
                    }
                });
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> parameters =
                        (List<Map<String, Object>>) op.getValue().getOrDefault("parameters", List.of());
                parameters.stream()
                        .filter(p -> "Idempotency-Key".equals(p.get("name")))
                        .forEach(p -> assertThat(p.get("required"))
                                .as(where + " Idempotency-Key")
                                .isEqualTo(true));
            }
        }
        assertThat(doc.getMap("paths.'/v1/payments'.post.responses")).containsKey("201");
        assertThat(doc.getMap("paths.'/v1/merchants'.post.responses"))
                .containsKey("201")
                .doesNotContainKey("200");
        assertThat(doc.getString("paths.'/v1/payments'.post.responses.'201'.content.'application/json'.schema.'$ref'"))
                .endsWith("/PaymentDto");
    }
}
