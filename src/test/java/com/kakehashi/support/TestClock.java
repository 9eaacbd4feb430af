package com.kakehashi.support;

import io.quarkus.arc.Arc;
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
 * The application's clock in tests: a fixed instant that moves only when a test moves it ({@link #setTo},
 * {@link #advance}, and 1 ms per rest-assured request: {@link OneMillisecondPerRequest}); real time never
 * leaks in. {@link StartEachTestOnAFreshInstant} starts every test at the next whole minute after the latest
 * instant any earlier test reached, from {@link #FIRST_TEST_STARTS}: an instant of its own, so the rates,
 * payments and keys earlier tests left behind are always in its past (one instant shared by every test would
 * make their rates collide, being keyed by the instant they are valid from). Tokens are the exception:
 * smallrye-jwt checks them against real time, so {@link Tokens} uses real time too.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    /** A Tuesday, 12:00 in Tokyo: later than any bank's settlesFrom that a migration stamps with now(). */
    public static final Instant FIRST_TEST_STARTS = Instant.parse("2030-01-08T03:00:00Z");

    private Instant now = FIRST_TEST_STARTS;
    private Instant latest = FIRST_TEST_STARTS;

    /** The application's clock, for fixtures that are not beans. */
    public static TestClock ofTheApplication() {
        return Arc.container().instance(TestClock.class).get();
    }

    public synchronized void setTo(Instant at) {
        now = at;
        latest = latest.isAfter(at) ? latest : at;
    }

    public synchronized void advance(Duration by) {
        setTo(now.plus(by));
    }

    /** Moves to the next whole minute after every instant shown so far: where each test begins. */
    synchronized void startTest() {
        setTo(latest.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)));
    }

    @Override
    public synchronized Instant instant() {
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
