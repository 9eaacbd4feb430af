package com.kakehashi.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.support.NonDefaultSettings;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 12: with the production settings (management interface on), metrics, the OpenAPI
 * document and Swagger UI are not served on the public port; health and metrics answer on the
 * management port only.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
@TestProfile(NonDefaultSettings.class)
class OperationsEndpointsInProdTest {
    private static final int MANAGEMENT_PORT = NonDefaultSettings.MANAGEMENT_PORT;

    @Test
    void metricsOpenApiAndSwaggerUiAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/metrics", "/q/openapi", "/swagger-ui/", "/q/swagger-ui/"}) {
            given().get(path).then().statusCode(404);
        }
        given().get("/q/metrics").then().contentType("application/problem+json").body("code", equalTo("not_found"));
    }

    @Test
    void metricsAndHealthAnswerOnTheManagementPort() {
        given().port(MANAGEMENT_PORT).get("/q/metrics").then().statusCode(200).body(containsString("# TYPE jvm_"));
        given().port(MANAGEMENT_PORT)
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().port(MANAGEMENT_PORT).get("/q/openapi?format=json").then().statusCode(200);
    }
}
