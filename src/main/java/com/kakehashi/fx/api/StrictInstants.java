package com.kakehashi.fx.api;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.fx.domain.RateFigures;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Instants of the FX API, read strictly: an ISO-8601 string in the UTC form "2026-11-25T01:00:00Z" within
 * the years a rate can carry ({@link RateFigures#EARLIEST}..{@link RateFigures#LATEST}). Anything else, a
 * JSON number, "+999999999-12-31T23:59:59Z" or a year PostgreSQL cannot store, is a 400 naming the field.
 */
final class StrictInstants {
    private StrictInstants() {
    }

    /** A body field or query parameter; absent (null or blank) gives {@code whenAbsent}. */
    static Instant field(String name, String text, Instant whenAbsent) {
        if (text == null || text.isBlank()) {
            return whenAbsent;
        }
        Instant parsed;
        try {
            parsed = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(name, text);
        }
        if (!RateFigures.isPlausibleTime(parsed)) {
            throw invalid(name, text);
        }
        return parsed;
    }

    private static BusinessException invalid(String name, String text) {
        String shown = text.length() <= 40 ? text : text.substring(0, 40) + "…";
        return new BusinessException(ErrorCode.INVALID_REQUEST, name + " must be an ISO-8601 instant between "
                + RateFigures.EARLIEST + " and " + RateFigures.LATEST + " such as 2026-11-25T03:00:00Z, got '" + shown + "'");
    }
}
