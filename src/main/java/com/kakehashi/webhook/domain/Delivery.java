package com.kakehashi.webhook.domain;

import java.time.Instant;
import java.util.UUID;

/** One event on its way to one subscription. */
public record Delivery(
        UUID id,
        UUID eventId,
        UUID subscriptionId,
        String eventType,
        String resourceId,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant deliveredAt) {

    public enum Status {
        PENDING,
        DELIVERED,
        DEAD
    }
}
