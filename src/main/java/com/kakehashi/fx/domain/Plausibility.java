package com.kakehashi.fx.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The plausibility band: a new figure that would move prices is compared with the rate in force
 * (direct, inverse or cross) when it would take effect. Within {@code bandBps} of it, it may be
 * published; outside, it waits for a second operator. A pair with no rate in force yet has nothing
 * to compare with (the first rate needs no band), and a back-dated figure already superseded by a
 * newer stored rate of the pair cannot move a price (history, no band).
 */
public final class Plausibility {
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    private final RateBook book;
    private final RateResolver resolver;

    public Plausibility(RateBook book, RateResolver resolver) {
        this.book = book;
        this.resolver = resolver;
    }

    public sealed interface Assessment {
        /** Whether the figure may be published without a second operator. */
        default boolean publishable() {
            return !(this instanceof Outside);
        }
    }

    /** A newer stored rate of the pair is already in force: this figure only completes the history. */
    public record History() implements Assessment {}

    /** Nothing in force to compare with: the first rate of a pair. */
    public record FirstRate() implements Assessment {}

    public record Within(BigDecimal rateInForce, long deviationBps) implements Assessment {}

    public record Outside(BigDecimal rateInForce, long deviationBps, int bandBps) implements Assessment {}

    public Assessment assess(FxRate candidate, Instant now, int bandBps) {
        if (bandBps < 0) {
            throw new IllegalArgumentException("a band is at least 0 bps, got " + bandBps);
        }
        Instant effective = candidate.validFrom().isAfter(now) ? candidate.validFrom() : now;
        if (supersededAt(candidate, candidate.pair(), effective)
                || supersededAt(candidate, candidate.pair().inverse(), effective)) {
            return new History();
        }
        return resolver.resolve(candidate.pair(), effective)
                .<Assessment>map(inForce -> compare(candidate.mid(), inForce.mid(), bandBps))
                .orElseGet(FirstRate::new);
    }

    /** Checks a figure against a reference: inside when |figure − reference| × 10000 ≤ band × reference, exactly. */
    public static Assessment compare(BigDecimal figure, BigDecimal reference, int bandBps) {
        BigDecimal distance = figure.subtract(reference).abs().multiply(BPS);
        long deviation = deviationBps(figure, reference);
        return distance.compareTo(reference.multiply(BigDecimal.valueOf(bandBps))) <= 0
                ? new Within(reference, deviation)
                : new Outside(reference, deviation, bandBps);
    }

    /** (figure − reference) / reference in basis points, rounded away from zero, saturated at the long range. */
    public static long deviationBps(BigDecimal figure, BigDecimal reference) {
        BigDecimal bps = figure.subtract(reference).multiply(BPS).divide(reference, 0, RoundingMode.UP);
        if (bps.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        return bps.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0 ? Long.MIN_VALUE : bps.longValueExact();
    }

    private boolean supersededAt(FxRate candidate, CurrencyPair pair, Instant effective) {
        return book.stored(pair, effective)
                .map(stored -> stored.validFrom().isAfter(candidate.validFrom()))
                .orElse(false);
    }
}
