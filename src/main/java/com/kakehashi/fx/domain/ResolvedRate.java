package com.kakehashi.fx.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Collectors;

/** A mid rate for a pair at a point in time, with the path that produced it. */
public record ResolvedRate(CurrencyPair pair, BigDecimal mid, RatePath path) {

    /** The oldest leg's publication time: a cross rate is only as fresh as its stalest leg. */
    public Instant validFrom() {
        return path.legs().stream()
                .map(FxRate::validFrom)
                .min(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
    }

    /** The sources of the legs, e.g. "ECB" or "ECB+bank:cn-settlement-bank". */
    public String source() {
        if (path.legs().isEmpty()) {
            return "IDENTITY";
        }
        return path.legs().stream().map(FxRate::source).distinct().collect(Collectors.joining("+"));
    }
}
