package com.kakehashi.ledger.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Thin triggers of the ledger self-check, on every instance (each answers its own health and scrape): incremental
 * every {@code kakehashi.ledger.check.every}, full every {@code kakehashi.ledger.check.full-every}; both off in tests.
 */
@ApplicationScoped
public class LedgerCheckJob {
    @Inject
    LedgerSelfCheck check;

    @Scheduled(
            identity = "ledger-check",
            every = "${kakehashi.ledger.check.every:1m}",
            delayed = "30s",
            executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void incremental() {
        check.checkRecent();
    }

    @Scheduled(
            identity = "ledger-check-full",
            every = "${kakehashi.ledger.check.full-every:6h}",
            delayed = "5m",
            executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void full() {
        check.checkAll();
    }
}
