package com.kakehashi.common.time;

import java.time.Instant;

/**
 * The instants the service accepts from outside (JSON bodies, query parameters): years 1970 to 9999.
 * {@code +999999999-12-31T23:59:59Z} is a valid ISO-8601 instant but overflows JDBC timestamps, so the
 * bound is checked at the edge, where it is an input error, not deep in a query, where it would be a 500.
 */
public final class InstantRange {
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final String DESCRIPTION = "between years 1970 and 9999";

    private InstantRange() {}

    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
