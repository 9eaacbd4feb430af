package com.kakehashi.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 12: with the production settings (management interface on), metrics, the OpenAPI
 * document and Swagger UI are not served on the public port; health and metrics answer on the
 * management port only.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
@TestProfile(OperationsEndpointsInProdTest.ProductionOperations.class)
class OperationsEndpointsInProdTest {
    static final int MANAGEMENT_PORT = freePort();

    public static class ProductionOperations implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.management.enabled",
                    "true",
                    "quarkus.management.test-port",
                    Integer.toString(MANAGEMENT_PORT),
                    "quarkus.swagger-ui.always-include",
                    "false");
        }
    }

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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
