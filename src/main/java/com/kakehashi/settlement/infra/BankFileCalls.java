package com.kakehashi.settlement.infra;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Calls to banks' HTTPS file intakes: bounded in time, retried, and cut off while a bank keeps failing.
 * Each bank has its own guard, so its circuit breaker (named {@code bank-file-<bank id>}) opens for that
 * bank only: one bank's outage never stops another bank's deliveries.
 */
@ApplicationScoped
public class BankFileCalls {
    private final Map<String, BankFileApi> clients = new ConcurrentHashMap<>();
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();

    public void put(String bankId, String baseUrl, String name, String idempotencyKey, String sha256, byte[] content)
            throws Exception {
        guard(bankId)
                .call(
                        () -> {
                            putOnce(baseUrl, name, idempotencyKey, sha256, content);
                            return Boolean.TRUE;
                        },
                        Boolean.class);
    }

    /** The circuit breaker's name for a bank (metrics and maintenance use it). */
    public static String breakerName(String bankId) {
        return "bank-file-" + bankId;
    }

    private Guard guard(String bankId) {
        return guards.computeIfAbsent(
                bankId,
                id -> Guard.create()
                        .withDescription("file delivery to " + id)
                        .withTimeout()
                        .duration(15, ChronoUnit.SECONDS)
                        .done()
                        .withRetry()
                        .maxRetries(3)
                        .delay(500, ChronoUnit.MILLIS)
                        .jitter(200, ChronoUnit.MILLIS)
                        .abortOn(RejectedFileException.class)
                        .done()
                        .withCircuitBreaker()
                        .name(breakerName(id))
                        .requestVolumeThreshold(6)
                        .failureRatio(0.5)
                        .delay(30, ChronoUnit.SECONDS)
                        .skipOn(RejectedFileException.class)
                        .done()
                        .build());
    }

    private void putOnce(String baseUrl, String name, String idempotencyKey, String sha256, byte[] content)
            throws IOException {
        int status;
        try (var response = client(baseUrl).put(name, idempotencyKey, sha256, content)) {
            status = response.getStatus();
        } catch (jakarta.ws.rs.WebApplicationException e) {
            status = e.getResponse().getStatus();
        }
        if (status >= 400 && status < 500) {
            throw new RejectedFileException("the bank refused " + name + " with HTTP " + status);
        }
        if (status >= 500) {
            throw new IOException("the bank answered HTTP " + status + " for " + name);
        }
    }

    private BankFileApi client(String baseUrl) {
        return clients.computeIfAbsent(
                baseUrl,
                url -> QuarkusRestClientBuilder.newBuilder()
                        .baseUri(URI.create(url))
                        .connectTimeout(3, TimeUnit.SECONDS)
                        .readTimeout(10, TimeUnit.SECONDS)
                        .build(BankFileApi.class));
    }

    /** A 4xx: retrying the same file will not help. */
    public static class RejectedFileException extends RuntimeException {
        public RejectedFileException(String message) {
            super(message);
        }
    }
}
