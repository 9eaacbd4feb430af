package com.kakehashi.fx.domain;

import java.util.List;

/**
 * How a rate was obtained: the stored pair itself, its inverse, or a cross through a pivot currency
 * (each leg direct or inverse). {@code legs} are the stored rates used, in order.
 */
public record RatePath(Kind kind, String via, List<FxRate> legs) {
    public enum Kind {
        IDENTITY,
        DIRECT,
        INVERSE,
        CROSS
    }

    public RatePath {
        legs = List.copyOf(legs);
    }

    /** "DIRECT", "INVERSE", "CROSS via USD". */
    public String describe() {
        return kind == Kind.CROSS ? "CROSS via " + via : kind.name();
    }
}
