package com.kakehashi.bank.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * A bank's business days: Monday to Friday, except the listed CLOSED days (national holidays, bank closures such
 * as Japan's 12/31-1/3), plus the listed OPEN weekend days (China's 调休 make-up working days).
 */
public record BusinessCalendar(String id, Map<LocalDate, DayKind> listed) {
    /** How far ahead a next business day is looked for: no real calendar closes for a month. */
    private static final int MAX_CLOSED_RUN = 31;

    public enum DayKind {
        CLOSED,
        OPEN
    }

    public BusinessCalendar {
        listed = Map.copyOf(listed);
    }

    public boolean isOpen(LocalDate day) {
        DayKind kind = listed.get(day);
        if (kind != null) {
            return kind == DayKind.OPEN;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The first business day on or after {@code day}. */
    public LocalDate nextOpenOnOrAfter(LocalDate day) {
        LocalDate candidate = day;
        for (int i = 0; i <= MAX_CLOSED_RUN; i++) {
            if (isOpen(candidate)) {
                return candidate;
            }
            candidate = candidate.plusDays(1);
        }
        throw new IllegalStateException(
                "calendar " + id + " has no business day within " + MAX_CLOSED_RUN + " days of " + day);
    }
}
