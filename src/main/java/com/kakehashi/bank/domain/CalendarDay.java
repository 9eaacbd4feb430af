package com.kakehashi.bank.domain;

import com.kakehashi.bank.domain.BusinessCalendar.DayKind;
import java.time.LocalDate;

/** A day a calendar lists (a holiday, a closure, a make-up working day), with where it came from. */
public record CalendarDay(String calendar, LocalDate day, DayKind kind, String name, String source) {}
