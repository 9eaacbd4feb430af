package com.kakehashi.support;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Test logs: an error a test provokes on purpose (a simulated crash of the settlement runner) is reported
 * at INFO with "expected:" in front, so that ERROR in a test log always means something went wrong.
 * Configured by {@code %test.quarkus.log.console.filter}. Real errors pass unchanged.
 */
@LoggingFilter(name = "expected-errors")
public final class ExpectedErrorsFilter implements Filter {
    private static final int ERROR = org.jboss.logmanager.Level.ERROR.intValue();

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getLevel().intValue() >= ERROR && provokedByATest(record.getThrown())) {
            record.setLevel(Level.INFO);
            record.setMessage("expected: " + record.getMessage());
        }
        return true;
    }

    private static boolean provokedByATest(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CrashingStepProbe.SimulatedCrash) {
                return true;
            }
        }
        return false;
    }
}
