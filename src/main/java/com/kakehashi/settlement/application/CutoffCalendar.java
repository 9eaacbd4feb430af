package com.kakehashi.settlement.application;

import com.kakehashi.bank.domain.PartnerBank;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.quartz.CronExpression;

/** The cut-offs of a bank between two instants, from its cron schedule read in its own time zone. */
public final class CutoffCalendar {
    /** However many cut-offs are skipped (closed days), one look-ahead reads at most this many. */
    private static final int MAX_SCANNED = 5_000;

    private CutoffCalendar() {}

    /** Cut-offs in (after, until], ascending, at most {@code limit}. */
    public static List<Instant> between(PartnerBank bank, Instant after, Instant until, int limit) {
        return between(bank, after, until, limit, cutoff -> true);
    }

    /**
     * Cut-offs in (after, until] that {@code takesPlace} (e.g. the bank is open that day), ascending, at most
     * {@code limit}. A cut-off on a closed day is no batch of its own: its payments wait for the next open day's
     * cut-off, whose window reaches back to the previous batch.
     */
    public static List<Instant> between(
            PartnerBank bank, Instant after, Instant until, int limit, Predicate<Instant> takesPlace) {
        TreeSet<Instant> cutoffs = new TreeSet<>();
        for (String cron : bank.cutoffSchedule()) {
            CronExpression expression = parse(cron);
            expression.setTimeZone(TimeZone.getTimeZone(bank.timeZone()));
            Date next = expression.getNextValidTimeAfter(Date.from(after));
            for (int scanned = 0;
                    next != null
                            && !next.toInstant().isAfter(until)
                            && cutoffs.size() < limit * 2
                            && scanned < MAX_SCANNED;
                    scanned++) {
                if (takesPlace.test(next.toInstant())) {
                    cutoffs.add(next.toInstant());
                }
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
