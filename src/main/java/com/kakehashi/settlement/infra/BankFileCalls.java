package com.kakehashi.settlement.infra;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** Calls to banks' HTTPS file intakes: bounded in time, retried, and cut off while a bank keeps failing. */
@ApplicationScoped
public class BankFileCalls {
    private final Map<String, BankFileApi> clients = new ConcurrentHashMap<>();

    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, jitter = 200, abortOn = RejectedFileException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public void put(String baseUrl, String name, String idempotencyKey, String sha256, byte[] content) throws IOException {
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
        return clients.computeIfAbsent(baseUrl, url -> QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                .connectTimeout(3, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS).build(BankFileApi.class));
    }

    /** A 4xx: retrying the same file will not help. */
    public static class RejectedFileException extends RuntimeException {
        public RejectedFileException(String message) {
            super(message);
        }
    }
}
