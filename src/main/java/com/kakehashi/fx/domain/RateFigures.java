package com.kakehashi.fx.domain;

import com.kakehashi.common.time.InstantRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The one rule for a rate figure and a rate time, whatever the source (operator API, ECB file, bank CSV):
 * a positive plain decimal with at most 18 integer digits and 12 decimals (no exponent, no sign), in force
 * from an instant PostgreSQL can store and a person could mean.
 */
public final class RateFigures {
    public static final int MAX_DECIMALS = 12;
    private static final Pattern FIGURE = Pattern.compile("\\d{1,18}(\\.\\d{1," + MAX_DECIMALS + "})?");

    private RateFigures() {}

    /** The figure as an exact decimal, trailing zeros stripped; refuses anything else, naming the field. */
    public static BigDecimal parse(String field, String text) {
        if (text == null || !FIGURE.matcher(text).matches() || new BigDecimal(text).signum() <= 0) {
            throw new IllegalArgumentException(field + " must be a positive decimal string with at most " + MAX_DECIMALS
                    + " decimals, got '" + abbreviate(text) + "'");
        }
        return new BigDecimal(text).stripTrailingZeros();
    }

    public static BigDecimal parseOptional(String field, String text) {
        return text == null || text.isEmpty() ? null : parse(field, text);
    }

    /** True when a rate may be in force from this instant: the service's accepted range, years 1970 to 9999. */
    public static boolean isPlausibleTime(Instant at) {
        return InstantRange.contains(at);
    }

    static String abbreviate(String text) {
        return text == null ? "null" : text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
