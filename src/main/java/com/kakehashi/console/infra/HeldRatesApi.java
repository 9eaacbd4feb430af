package com.kakehashi.console.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rates held for four-eyes approval, through the service's own API ({@code /v1/fx/rates/pending}) on the
 * loopback interface with the operator's own token: the console adds no approval rule of its own, and the
 * API's rules (who may approve, what an approval checks) are the ones that apply.
 */
@ApplicationScoped
public class HeldRatesApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Inject
    ObjectMapper json;

    public record HeldRate(
            String id,
            String base,
            String quote,
            BigDecimal rate,
            String source,
            String submittedBy,
            Instant submittedAt,
            Instant validFrom,
            BigDecimal rateInForce,
            String deviationBps,
            String status) {}

    /** What the API answered to a decision: done, or refused with its problem code and detail. */
    public record Decision(boolean done, int status, String code, String detail) {}

    /** The held rates, or empty when this build has no approval queue (the API answers 404 or 405). */
    public Optional<List<HeldRate>> pending(int port, String token) {
        HttpResponse<String> response = send(port, token, "GET", "/v1/fx/rates/pending", null);
        if (response.statusCode() == 404 || response.statusCode() == 405) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /v1/fx/rates/pending answered " + response.statusCode());
        }
        try {
            List<HeldRate> rates = new ArrayList<>();
            JsonNode body = json.readTree(response.body());
            for (JsonNode n : body.isArray() ? body : body.path("items")) {
                rates.add(new HeldRate(
                        n.path("id").asText(),
                        n.path("base").asText(),
                        n.path("quote").asText(),
                        decimal(n.path("rate")),
                        n.path("source").asText(""),
                        n.path("submittedBy").asText(""),
                        instant(n.path("submittedAt")),
                        instant(n.path("validFrom")),
                        decimal(n.path("rateInForce")),
                        n.path("deviationBps").isMissingNode()
                                        || n.path("deviationBps").isNull()
                                ? ""
                                : n.path("deviationBps").asText(),
                        n.path("status").asText("")));
            }
            return Optional.of(rates);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable held rates: " + e.getMessage(), e);
        }
    }

    public Decision approve(int port, String token, String id) {
        return decide(send(port, token, "POST", "/v1/fx/rates/pending/" + pathSegment(id) + "/approval", "{}"));
    }

    public Decision reject(int port, String token, String id, String reason) {
        try {
            String body = json.writeValueAsString(Map.of("reason", reason));
            return decide(send(port, token, "POST", "/v1/fx/rates/pending/" + pathSegment(id) + "/rejection", body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Decision decide(HttpResponse<String> response) {
        if (response.statusCode() / 100 == 2) {
            return new Decision(true, response.statusCode(), "", "");
        }
        try {
            JsonNode problem = json.readTree(response.body());
            return new Decision(
                    false,
                    response.statusCode(),
                    problem.path("code").asText("http_" + response.statusCode()),
                    problem.path("detail").asText(problem.path("title").asText("")));
        } catch (IOException e) {
            return new Decision(false, response.statusCode(), "http_" + response.statusCode(), "");
        }
    }

    private HttpResponse<String> send(int port, String token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the rate approval API did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String pathSegment(String id) {
        if (!id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("not a held rate id: " + id);
        }
        return id;
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : new BigDecimal(node.asText());
    }

    private static Instant instant(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : Instant.parse(node.asText());
    }
}
