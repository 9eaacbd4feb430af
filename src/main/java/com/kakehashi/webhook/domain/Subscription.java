package com.kakehashi.webhook.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where one merchant, acquirer or operator wants which events delivered. */
public record Subscription(
        UUID id, String owner, String ownerRole, String url, List<EventType> events, String status, Instant createdAt) {
    public Subscription {
        events = List.copyOf(events);
    }
}
