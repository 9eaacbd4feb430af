package com.kakehashi.settlement.application;

import com.kakehashi.bank.domain.PartnerBank;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.TreeSet;
import org.quartz.CronExpression;

/** The cut-offs of a bank between two instants, from its cron schedule read in its own time zone. */
public final class CutoffCalendar {
    private CutoffCalendar() {
    }

    /** Cut-offs in (after, until], ascending, at most {@code limit}. */
    public static List<Instant> between(PartnerBank bank, Instant after, Instant until, int limit) {
        TreeSet<Instant> cutoffs = new TreeSet<>();
        for (String cron : bank.cutoffSchedule()) {
            CronExpression expression = parse(cron);
            expression.setTimeZone(TimeZone.getTimeZone(bank.timeZone()));
            Date next = expression.getNextValidTimeAfter(Date.from(after));
            while (next != null && !next.toInstant().isAfter(until) && cutoffs.size() < limit * 2) {
                cutoffs.add(next.toInstant());
                next = expression.getNextValidTimeAfter(next);
            }
        }
        return new ArrayList<>(cutoffs).subList(0, Math.min(limit, cutoffs.size()));
    }

    private static CronExpression parse(String cron) {
        try {
            return new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalStateException("invalid cut-off cron '" + cron + "'", e);
        }
    }
}
