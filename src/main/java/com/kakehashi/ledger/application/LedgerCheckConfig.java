package com.kakehashi.ledger.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The ledger self-check's schedule ({@code LedgerCheckJob}) and bounds. */
@ConfigMapping(prefix = "kakehashi.ledger.check")
public interface LedgerCheckConfig {
    /** How often the incremental check runs ("off" disables it; tests call the service). */
    @WithDefault("1m")
    String every();

    /** How often the full check (every journal, every wallet) runs ("off" disables it). */
    @WithDefault("6h")
    String fullEvery();

    /**
     * How far before the cursor the incremental check looks again: a journal is dated when it is built, before its
     * transaction commits, so one may commit after the cursor passed its date. Beyond the transaction timeout.
     */
    @WithDefault("PT10M")
    Duration overlap();

    /** How many offending ids a result lists (the totals count all of them). */
    @WithDefault("5")
    int reportFirst();
}
