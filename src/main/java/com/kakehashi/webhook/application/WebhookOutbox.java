package com.kakehashi.webhook.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kakehashi.webhook.domain.EventType;
import com.kakehashi.webhook.infra.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event for delivery, in the caller's transaction (MANDATORY): the event exists exactly when the change
 * it reports committed, so a crash right after the commit loses nothing and a rollback sends nothing.
 */
@ApplicationScoped
public class WebhookOutbox {
    @Inject
    WebhookRepository repository;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    SubscriberIndex subscribers;

    /**
     * @param audience  subjects (merchant ids, acquirer ids) whose subscriptions receive the event
     * @param operators whether operators' subscriptions receive it too
     * @param data      the event's {@code data} object
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID emit(
            EventType type, String resourceId, List<String> audience, boolean operators, Map<String, Object> data) {
        UUID id = UUID.randomUUID();
        if (!subscribers.anyFor(audience, operators)) {
            return id; // nobody listens: no statement at all
        }
        Instant now = clock.instant();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id.toString());
        envelope.put("type", type.wireName());
        envelope.put("createdAt", now.toString());
        envelope.put("data", data);
        repository.emit(id, type, resourceId, write(envelope), audience, operators, now);
        return id;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
