package com.kakehashi.security;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kakehashi.support.SettlementFixtures;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document, fed a generated corpus of hostile requests (see
 * {@link HostileCorpus}) with the token of a role it admits: the service never answers 5xx, and every
 * 4xx is {@code application/problem+json} with a stable {@code code} and a {@code detail} free of
 * Java class, parser or SQL names.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class EndpointFuzzTest {
    /** Internals a problem detail must never show. */
    static final Pattern INTERNALS = Pattern.compile(
            "com\\.kakehashi|java\\.|jakarta\\.|javax\\.|com\\.fasterxml|org\\.hibernate|io\\.quarkus|io\\.vertx"
                    + "|org\\.postgresql|PSQL|SQLState|Exception|\\bat \\w+\\.|Cannot deserialize|Unrecognized token"
                    + "|\\$[A-Z]");
    /** The floor this corpus must reach, so a broken OpenAPI read cannot pass vacuously. */
    static final int MINIMUM_CASES = 1500;

    @TestHTTPResource("/")
    URL root;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void noHostileRequestGetsA5xxAndEveryRefusalIsAProblemWithACode() throws Exception {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 0);
        String merchantId = aMerchantInTokyo();
        String bankId = SettlementFixtures.aSettlementBank("JPY");
        Map<String, String> tokens = Map.of(
                "operator",
                Tokens.bearer("ops-fuzz", "operator"),
                "traveller",
                Tokens.bearer(traveller, "traveller"),
                "merchant",
                Tokens.bearer(merchantId, "merchant"),
                "bank",
                Tokens.bearer(bankId, "bank"));

        JsonNode openApi = json.readTree(given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<HostileCorpus.Case> cases = new HostileCorpus(openApi, template -> {
                    if (template.startsWith("/v1/wallets/")) {
                        return walletId;
                    }
                    if (template.startsWith("/v1/merchants/")) {
                        return merchantId;
                    }
                    if (template.contains("{bankId}") || template.startsWith("/v1/banks/")) {
                        return bankId;
                    }
                    return null;
                })
                .cases();

        List<String> failures = new ArrayList<>();
        for (HostileCorpus.Case c : cases) {
            String failure = check(c, tokens);
            if (failure != null) {
                failures.add(failure);
            }
        }
        System.out.printf(
                "EndpointFuzzTest: %d hostile requests over %d operations, %d failures%n",
                cases.size(),
                new HostileCorpus(openApi, t -> null).countByOperation(cases).size(),
                failures.size());
        assertThat(cases.size()).isGreaterThanOrEqualTo(MINIMUM_CASES);
        assertThat(failures)
                .as("%d of %d hostile requests were mishandled", failures.size(), cases.size())
                .isEmpty();
    }

    private String check(HostileCorpus.Case c, Map<String, String> tokens) throws Exception {
        String uri =
                root.toString().replaceAll("/$", "") + c.path() + (c.query().isEmpty() ? "" : "?" + c.query());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", tokens.getOrDefault(c.role(), tokens.get("operator")))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .method(
                        c.method(),
                        c.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 500) {
            return status + " for " + c;
        }
        if (status < 400) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return status + " with Content-Type '" + type + "' for " + c;
        }
        JsonNode problem = json.readTree(response.body());
        if (!problem.path("code").isTextual() || problem.path("code").asText().isBlank()) {
            return status + " without a code for " + c;
        }
        String detail = problem.path("detail").asText("");
        if (INTERNALS.matcher(detail).find()) {
            return status + " leaks internals in '" + detail + "' for " + c;
        }
        return null;
    }
}
