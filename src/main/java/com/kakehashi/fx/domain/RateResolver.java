package com.kakehashi.fx.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds the mid rate of a pair at a point in time: the stored pair, else its inverse, else a cross
 * through each configured pivot in turn (each leg direct or inverse). A cross rate is the exact
 * product of its legs; amounts built on it are rounded once, at the end.
 */
public final class RateResolver {
    private final RateBook book;
    private final List<String> pivots;

    public RateResolver(RateBook book, List<String> pivots) {
        this.book = book;
        this.pivots = List.copyOf(pivots);
    }

    public Optional<ResolvedRate> resolve(CurrencyPair pair, Instant at) {
        if (pair.isIdentity()) {
            return Optional.of(
                    new ResolvedRate(pair, BigDecimal.ONE, new RatePath(RatePath.Kind.IDENTITY, null, List.of())));
        }
        long micros = RateBook.micros(at);
        Optional<ResolvedRate> single = leg(pair, micros);
        if (single.isPresent()) {
            return single;
        }
        for (String pivot : pivots) {
            if (pivot.equals(pair.base()) || pivot.equals(pair.quote())) {
                continue;
            }
            Optional<ResolvedRate> first = leg(new CurrencyPair(pair.base(), pivot), micros);
            Optional<ResolvedRate> second = first.flatMap(f -> leg(new CurrencyPair(pivot, pair.quote()), micros));
            if (second.isPresent()) {
                List<FxRate> legs = java.util.stream.Stream.concat(
                                first.get().path().legs().stream(), second.get().path().legs().stream())
                        .toList();
                return Optional.of(new ResolvedRate(
                        pair,
                        first.get().mid().multiply(second.get().mid()),
                        new RatePath(RatePath.Kind.CROSS, pivot, legs)));
            }
        }
        return Optional.empty();
    }

    private Optional<ResolvedRate> leg(CurrencyPair pair, long micros) {
        FxRate direct = book.storedOrNull(pair, micros);
        FxRate inverse = book.storedOrNull(pair.inverse(), micros);
        // Both stored: the more recent publication is the better information.
        if (direct != null && (inverse == null || !inverse.validFrom().isAfter(direct.validFrom()))) {
            return Optional.of(
                    new ResolvedRate(pair, direct.mid(), new RatePath(RatePath.Kind.DIRECT, null, List.of(direct))));
        }
        if (inverse != null) {
            BigDecimal mid = BigDecimal.ONE.divide(inverse.mid(), FxRounding.RATE_INVERSION);
            return Optional.of(
                    new ResolvedRate(pair, mid, new RatePath(RatePath.Kind.INVERSE, null, List.of(inverse))));
        }
        return Optional.empty();
    }
}
