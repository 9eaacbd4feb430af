package com.kakehashi.fx.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One published rate: "1 base = mid quote", optionally with the bid and ask around it, as a source
 * published it, in force from {@code validFrom}. Rates are history: a newer one supersedes, never overwrites.
 */
public record FxRate(
        CurrencyPair pair,
        BigDecimal mid,
        BigDecimal bid,
        BigDecimal ask,
        String source,
        Instant validFrom,
        Instant receivedAt) {

    public FxRate {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (!RateFigures.isPlausibleTime(validFrom)) {
            throw new IllegalArgumentException(
                    "validFrom must be " + com.kakehashi.common.time.InstantRange.DESCRIPTION + ", got " + validFrom);
        }
        if (pair.isIdentity()) {
            throw new IllegalArgumentException("a rate needs two different currencies, not " + pair);
        }
        if (mid.signum() <= 0 || (bid != null && bid.signum() <= 0) || (ask != null && ask.signum() <= 0)) {
            throw new IllegalArgumentException("rates must be positive");
        }
        if ((bid != null && bid.compareTo(mid) > 0) || (ask != null && ask.compareTo(mid) < 0)) {
            throw new IllegalArgumentException("bid <= mid <= ask must hold, got " + bid + " / " + mid + " / " + ask);
        }
    }

    /** The rate in force at {@code at}: published from then or earlier. */
    public boolean inForceAt(Instant at) {
        return !validFrom.isAfter(at);
    }
}
