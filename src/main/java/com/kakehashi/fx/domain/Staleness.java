package com.kakehashi.fx.domain;

import java.time.Duration;
import java.time.Instant;

/** A rate older than its pair's maximum age is not used for new quotes: every leg must be fresh. */
public final class Staleness {
    private Staleness() {}

    public static boolean isStale(ResolvedRate rate, Instant now, Duration maxAge) {
        return rate.path().legs().stream()
                .anyMatch(leg -> leg.validFrom().plus(maxAge).isBefore(now));
    }

    public static Duration age(ResolvedRate rate, Instant now) {
        return rate.path().legs().isEmpty() ? Duration.ZERO : Duration.between(rate.validFrom(), now);
    }
}
