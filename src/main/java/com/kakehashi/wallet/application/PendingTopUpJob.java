package com.kakehashi.wallet.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A thin trigger: asks the bank about top-ups whose first answer was unclear. */
@ApplicationScoped
public class PendingTopUpJob {
    @Inject
    TopUps topUps;

    @ConfigProperty(name = "kakehashi.top-up.pending-check-after")
    Duration checkAfter;

    @Scheduled(
            every = "${kakehashi.top-up.pending-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkPending() {
        topUps.resolvePending(checkAfter);
    }
}
