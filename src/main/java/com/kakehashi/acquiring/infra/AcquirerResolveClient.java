package com.kakehashi.acquiring.infra;

import com.kakehashi.acquiring.application.AcquiringConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls an acquirer's resolve endpoint: {@code POST <resolveUrl> {"payload": ...}} answers 200 with the merchant or
 * 404 for a code it does not know. Each acquirer has its own REST client and its own guard (timeout, retry,
 * circuit breaker), so one failing acquirer never opens the breaker of another.
 */
@ApplicationScoped
public class AcquirerResolveClient {
    @Inject
    AcquiringConfig config;

    private final Map<String, Guarded> clients = new ConcurrentHashMap<>();

    public record ResolveRequest(String payload) {}

    public record ResolveAnswer(
            String merchantReference, String name, String mcc, String city, String currency, String amount) {}

    /** The remote contract. */
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public interface ResolveApi {
        @POST
        ResolveAnswer resolve(ResolveRequest request);
    }

    public sealed interface Outcome {}

    public record Resolved(ResolveAnswer answer) implements Outcome {}

    public record Unknown() implements Outcome {}

    public record Unavailable(String reason) implements Outcome {}

    private record Guarded(String url, ResolveApi api, Guard guard) {}

    public Outcome resolve(String acquirerId, String resolveUrl, String payload) {
        Guarded client = clients.compute(
                acquirerId,
                (id, existing) ->
                        existing != null && existing.url().equals(resolveUrl) ? existing : newClient(id, resolveUrl));
        try {
            return client.guard().call(() -> call(client.api(), payload), Outcome.class);
        } catch (Exception e) {
            return new Unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** A 404 is an answer (the code is unknown), not a failure: it neither retries nor counts against the breaker. */
    private static Outcome call(ResolveApi api, String payload) {
        try {
            return new Resolved(api.resolve(new ResolveRequest(payload)));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404 || e.getResponse().getStatus() == 422) {
                return new Unknown();
            }
            throw e;
        }
    }

    private Guarded newClient(String acquirerId, String url) {
        AcquiringConfig.Resolve c = config.resolve();
        ResolveApi api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(c.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .readTimeout(c.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .build(ResolveApi.class);
        Guard guard = Guard.create()
                .withDescription("acquirer-resolve-" + acquirerId)
                .withTimeout()
                .duration(c.timeout().toMillis(), ChronoUnit.MILLIS)
                .done()
                .withRetry()
                .maxRetries(c.maxRetries())
                .delay(c.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .withCircuitBreaker()
                .requestVolumeThreshold(c.breakerWindow())
                .delay(c.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .build();
        return new Guarded(url, api, guard);
    }
}
