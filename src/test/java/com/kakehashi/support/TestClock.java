package com.kakehashi.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The application's clock in tests: fixed, never read from the wall clock while a test runs. Before each
 * test it is set to that test's start ({@link ClockPerTest}), so data built with {@code Instant.now()} in
 * fixtures stays consistent with it; during the test it moves only by {@link #advance} and by one
 * microsecond per reading, so two events in one test never share an instant (a logical clock) and the
 * order of events is the order of the code, not of the scheduler.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    private static final Duration TICK = Duration.of(1, ChronoUnit.MICROS);

    private Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    /** Sets the clock to an exact instant (a test that needs a particular day or hour). */
    public synchronized void setTo(Instant instant) {
        now = instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Back to the present: what every test starts from. */
    public synchronized void reset() {
        setTo(Instant.now());
    }

    @Override
    public synchronized Instant instant() {
        now = now.plus(TICK);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The application reads instants only");
    }
}
