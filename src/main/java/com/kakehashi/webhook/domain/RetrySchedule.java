package com.kakehashi.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential backoff: the n-th failed attempt waits {@code first * 2^(n-1)}, capped at {@code cap}; once the
 * event is older than {@code giveUpAfter} (24 h) the delivery is DEAD. Bounded: at most ~20 attempts a day.
 */
public record RetrySchedule(Duration first, Duration cap, Duration giveUpAfter) {
    private static final int MAX_DOUBLINGS = 30;

    /** When to try again after {@code attempts} failed attempts, or empty when the delivery should die. */
    public Optional<Instant> nextAttempt(int attempts, Instant eventCreatedAt, Instant now) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), MAX_DOUBLINGS));
        if (wait.compareTo(cap) > 0) {
            wait = cap;
        }
        Instant next = now.plus(wait);
        return next.isAfter(eventCreatedAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }
}
