package com.kakehashi.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kakehashi.common.security.Caller;
import com.kakehashi.idempotency.application.Claim;
import com.kakehashi.idempotency.application.Idempotency;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Runs a write once per (caller, operation, Idempotency-Key) in one transaction together with the
 * key's claim and the stored answer. The same key with the same request gets the stored answer
 * byte for byte; with another request, {@code idempotency_key_reused}.
 */
@ApplicationScoped
public class IdempotentResponder {
    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    Idempotency idempotency;
    @Inject
    ObjectMapper json;

    public Response respond(Caller caller, String operation, String key, Object request, int status,
            Supplier<Object> work) {
        Idempotency.requireValidKey(key);
        String canonicalRequest = write(request);
        Answer answer = QuarkusTransaction.requiringNew().call(() -> {
            Claim claim = idempotency.claim(caller.subject(), operation, key, canonicalRequest);
            if (claim instanceof Claim.Replay replay) {
                return new Answer(replay.status(), replay.body(), true);
            }
            String body = write(work.get());
            idempotency.complete(caller.subject(), operation, key, status, body);
            return new Answer(status, body, false);
        });
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body())
                .header(REPLAYED_HEADER, answer.replayed()).build();
    }

    private record Answer(int status, String body, boolean replayed) {
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
