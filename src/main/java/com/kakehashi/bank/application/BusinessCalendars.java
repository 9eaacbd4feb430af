package com.kakehashi.bank.application;

import com.kakehashi.bank.domain.BusinessCalendar;
import com.kakehashi.bank.domain.BusinessCalendar.DayKind;
import com.kakehashi.bank.domain.CalendarDay;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.bank.infra.CalendarRepository;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Business-day calendars as data: the shipped files ({@code calendars/<country>-<year>.csv}, listed in
 * {@code kakehashi.bank.calendar-files}) are loaded at start; operators add, change or remove days through the
 * API, and a restart never overwrites an operator's day.
 */
@ApplicationScoped
public class BusinessCalendars {
    @Inject
    CalendarRepository repository;

    @Inject
    BankConfig config;

    @Inject
    Clock clock;

    @Transactional
    void loadShipped(@Observes StartupEvent started) {
        for (String file : config.calendarFiles()) {
            String calendar = file.substring(0, file.indexOf('-'));
            for (String[] row : rows("calendars/" + file + ".csv")) {
                repository.upsertShipped(
                        calendar, LocalDate.parse(row[0]), DayKind.valueOf(row[1]), row[2], clock.instant());
            }
        }
    }

    @Transactional
    public BusinessCalendar of(String calendar) {
        requireCalendarId(calendar);
        Map<LocalDate, DayKind> listed =
                repository.days(calendar).stream().collect(Collectors.toMap(CalendarDay::day, CalendarDay::kind));
        return new BusinessCalendar(calendar, listed);
    }

    public BusinessCalendar of(PartnerBank bank) {
        return of(bank.calendar());
    }

    @Transactional
    public List<CalendarDay> days(String calendar) {
        requireCalendarId(calendar);
        return repository.days(calendar);
    }

    @Transactional
    public List<String> calendars() {
        return repository.calendars();
    }

    /** An operator lists a day as CLOSED or OPEN (e.g. a newly announced holiday or 调休 working day). */
    @Transactional
    public void setDay(String calendar, LocalDate day, DayKind kind, String name) {
        requireCalendarId(calendar);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "a listed day has a name of 1-100 characters");
        }
        repository.upsertByOperator(calendar, day, kind, name, clock.instant());
    }

    @Transactional
    public void removeDay(String calendar, LocalDate day) {
        requireCalendarId(calendar);
        if (repository.delete(calendar, day) == 0) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "calendar " + calendar + " does not list " + day);
        }
    }

    static void requireCalendarId(String calendar) {
        if (calendar == null || !calendar.matches("[A-Z]{2}[A-Z0-9_-]{0,8}")) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST, "a calendar id is a country code, optionally suffixed");
        }
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = BusinessCalendars.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no calendar file " + resource);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("date,"))
                    .map(line -> line.split(",", 3))
                    .peek(row -> validate(resource, row))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void validate(String resource, String[] row) {
        try {
            LocalDate.parse(row[0]);
            DayKind.valueOf(row[1]);
            if (row.length < 3 || row[2].isBlank()) {
                throw new IllegalArgumentException("no name");
            }
        } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("calendar file " + resource + ": bad line " + String.join(",", row), e);
        }
    }
}
