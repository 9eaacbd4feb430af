package com.kakehashi.reconciliation.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "kakehashi.reconciliation")
public interface ReconciliationConfig {
    /** An amount within this many minor units of the instruction is MATCHED (rounding at the bank). */
    @WithDefault("0")
    long toleranceMinor();

    /** Days after its value date an expected item may still appear before it is MISSING_AT_BANK. */
    @WithDefault("2")
    int missingGraceDays();

    /** Per bank (by id): the fee, in minor units of its currency, it charges per payout instruction. */
    java.util.Map<String, Long> bankFeePerInstructionMinor();

    /** Largest statement accepted (bytes). */
    @WithDefault("536870912")
    long maxStatementBytes();

    /** Root of per-bank drop directories ({@code <root>/<bankId>/*.xml|*.csv}); none when unset. */
    Optional<Path> dropDirectory();

    /** How often drop directories are read ("off" disables). */
    @WithDefault("off")
    String pickUpEvery();

    /** Where received statement files wait for their worker (deleted once processed). */
    @WithDefault("target/statement-spool")
    Path spoolDirectory();

    /**
     * Statement workers: the reconciliation bulkhead. Each holds at most two database connections (the
     * bank's advisory lock and its current transaction), so payments and the scheduler keep theirs.
     */
    @WithDefault("2")
    int workers();

    /** Statement lines matched per transaction (bounded transactions for million-line statements). */
    @WithDefault("100000")
    int matchWindow();

    /** How often the intake queue is swept for work left by a crash or a busy worker ("off" disables). */
    @WithDefault("10s")
    String sweepEvery();
}
