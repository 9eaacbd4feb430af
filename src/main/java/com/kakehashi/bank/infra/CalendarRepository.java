package com.kakehashi.bank.infra;

import com.kakehashi.bank.domain.BusinessCalendar.DayKind;
import com.kakehashi.bank.domain.CalendarDay;
import com.kakehashi.common.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Listed days of the business calendars (table business_calendar_day), rows read by column name. */
@ApplicationScoped
public class CalendarRepository {
    @Inject
    EntityManager em;

    /** A shipped day: inserted, or refreshed unless an operator has set that day. */
    public void upsertShipped(String calendar, LocalDate day, DayKind kind, String name, Instant now) {
        em.createNativeQuery("""
                insert into business_calendar_day (calendar, day, kind, name, source, updated_at)
                values (?1, ?2, ?3, ?4, 'SHIPPED', ?5)
                on conflict (calendar, day) do update set kind = excluded.kind, name = excluded.name,
                    updated_at = excluded.updated_at
                where business_calendar_day.source = 'SHIPPED'""")
                .setParameter(1, calendar)
                .setParameter(2, day)
                .setParameter(3, kind.name())
                .setParameter(4, name)
                .setParameter(5, now)
                .executeUpdate();
    }

    public void upsertByOperator(String calendar, LocalDate day, DayKind kind, String name, Instant now) {
        em.createNativeQuery("""
                insert into business_calendar_day (calendar, day, kind, name, source, updated_at)
                values (?1, ?2, ?3, ?4, 'OPERATOR', ?5)
                on conflict (calendar, day) do update set kind = excluded.kind, name = excluded.name,
                    source = 'OPERATOR', updated_at = excluded.updated_at""")
                .setParameter(1, calendar)
                .setParameter(2, day)
                .setParameter(3, kind.name())
                .setParameter(4, name)
                .setParameter(5, now)
                .executeUpdate();
    }

    public int delete(String calendar, LocalDate day) {
        return em.createNativeQuery("delete from business_calendar_day where calendar = ?1 and day = ?2")
                .setParameter(1, calendar)
                .setParameter(2, day)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked") // a native query's rows are untyped; each is cast where it is read
    public List<CalendarDay> days(String calendar) {
        List<Tuple> rows =
                em.createNativeQuery("""
                select calendar, day, kind, name, source from business_calendar_day where calendar = ?1 order by day""", Tuple.class).setParameter(1, calendar).getResultList();
        return rows.stream()
                .map(r -> new CalendarDay(
                        r.get("calendar", String.class),
                        SqlValues.date(r.get("day")),
                        DayKind.valueOf(r.get("kind", String.class)),
                        r.get("name", String.class),
                        r.get("source", String.class)))
                .toList();
    }

    public List<String> calendars() {
        List<?> rows = em.createNativeQuery("select distinct calendar from business_calendar_day order by calendar")
                .getResultList();
        return rows.stream().map(String.class::cast).toList();
    }
}
