package com.kakehashi.webhook.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A thin trigger: each tick delivers one bounded batch. Several instances share the work (SKIP LOCKED). */
@ApplicationScoped
public class WebhookJob {
    @Inject
    WebhookDispatcher dispatcher;

    @Scheduled(
            every = "${kakehashi.webhooks.dispatch-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "webhook-dispatch",
            executeWith = Scheduled.SIMPLE)
    void tick() {
        dispatcher.runOnce();
    }
}
