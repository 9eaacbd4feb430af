package com.kakehashi.common.api;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.time.InstantRange;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters read strictly: a malformed value is a problem naming the parameter, never a silent default. */
public final class QueryParams {
    private QueryParams() {}

    public static Instant instant(String name, String text, Instant whenAbsent) {
        if (text == null || text.isBlank()) {
            return whenAbsent;
        }
        Instant value;
        try {
            value = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST,
                    name + " must be an ISO-8601 instant such as " + "2026-11-25T03:00:00Z, got '"
                            + JsonProblems.printable(text) + "'");
        }
        if (!InstantRange.contains(value)) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST, name + " must be " + InstantRange.DESCRIPTION + ", got '" + text + "'");
        }
        return value;
    }
}
