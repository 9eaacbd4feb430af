package com.kakehashi.fx.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rate history in memory, for lookups without a database round trip: per pair, rates sorted by
 * validity, searched by bisection. Copy-on-write: readers never lock, a writer publishes a new snapshot.
 */
public final class RateBook {
    /** Rates of one pair, ascending by validFrom (ties: the later received wins). */
    private record History(FxRate[] rates, long[] validFromMicros) {
        FxRate at(long micros) {
            int index = Arrays.binarySearch(validFromMicros, micros);
            if (index < 0) {
                index = -index - 2; // the last one valid before
            } else {
                while (index + 1 < validFromMicros.length && validFromMicros[index + 1] == micros) {
                    index++;
                }
            }
            return index < 0 ? null : rates[index];
        }
    }

    private static final Comparator<FxRate> ORDER =
            Comparator.comparing(FxRate::validFrom).thenComparing(FxRate::receivedAt);

    private volatile Map<CurrencyPair, History> histories = Map.of();

    /** The rate of exactly this pair (no inverse, no cross) in force at {@code at}. */
    public Optional<FxRate> stored(CurrencyPair pair, Instant at) {
        History history = histories.get(pair);
        return history == null ? Optional.empty() : Optional.ofNullable(history.at(micros(at)));
    }

    /** Same as {@link #stored} without the Optional, for the conversion hot path. */
    FxRate storedOrNull(CurrencyPair pair, long atMicros) {
        History history = histories.get(pair);
        return history == null ? null : history.at(atMicros);
    }

    public synchronized void addAll(Collection<FxRate> rates) {
        if (rates.isEmpty()) {
            return;
        }
        Map<CurrencyPair, List<FxRate>> byPair = new HashMap<>();
        histories.forEach((pair, history) -> byPair.put(pair, new ArrayList<>(List.of(history.rates()))));
        for (FxRate rate : rates) {
            byPair.computeIfAbsent(rate.pair(), p -> new ArrayList<>()).add(rate);
        }
        Map<CurrencyPair, History> next = new HashMap<>();
        byPair.forEach((pair, list) -> {
            FxRate[] sorted = list.stream().distinct().sorted(ORDER).toArray(FxRate[]::new);
            long[] keys =
                    Arrays.stream(sorted).mapToLong(r -> micros(r.validFrom())).toArray();
            next.put(pair, new History(sorted, keys));
        });
        histories = Map.copyOf(next);
    }

    public void add(FxRate rate) {
        addAll(List.of(rate));
    }

    public int size() {
        return histories.values().stream().mapToInt(h -> h.rates().length).sum();
    }

    public java.util.Set<CurrencyPair> pairs() {
        return histories.keySet();
    }

    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }
}
