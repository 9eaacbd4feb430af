package com.kakehashi.webhook.application;

import com.kakehashi.webhook.domain.RetrySchedule;
import com.kakehashi.webhook.domain.WebhookSignature;
import com.kakehashi.webhook.infra.WebhookRepository;
import com.kakehashi.webhook.infra.WebhookRepository.Claimed;
import com.kakehashi.webhook.infra.WebhookSender;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The delivery worker: claim (short transaction, lease), send (no transaction held open across the network),
 * record the outcome (short transaction). At least once: a worker that dies after claiming leaves a lease that
 * expires, and the delivery is claimed again; receivers de-duplicate by the event id.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 500;

    @Inject
    WebhookRepository repository;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    @Inject
    WebhookSecrets secrets;

    /** Claims and sends at most one batch of due deliveries; returns how many were attempted. */
    public int runOnce() {
        List<Claimed> claimed = claim();
        claimed.forEach(this::deliver);
        return claimed.size();
    }

    /** Leases a batch of due deliveries (the first half of a run; a test may stop here to play a crash). */
    public List<Claimed> claim() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew()
                .call(() -> repository.claimDue(now, now.plus(config.lease()), config.batchSize()));
    }

    void deliver(Claimed delivery) {
        long timestamp = clock.instant().getEpochSecond();
        String secret = secrets.open(delivery.subscriptionId(), delivery.secret()); // a wrong key throws, loudly
        String signature = WebhookSignature.header(secret, timestamp, delivery.body());
        WebhookSender.Outcome outcome = sender.send(
                delivery.url(),
                delivery.body(),
                delivery.eventId().toString(),
                delivery.type(),
                signature,
                config.requestTimeout());
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> record(delivery, outcome, now));
    }

    private void record(Claimed delivery, WebhookSender.Outcome outcome, Instant now) {
        if (outcome instanceof WebhookSender.Answered answered && answered.ok()) {
            repository.markDelivered(delivery.id(), answered.status(), now);
            return;
        }
        Integer status = outcome instanceof WebhookSender.Answered a ? a.status() : null;
        String error = outcome instanceof WebhookSender.Unreachable u ? truncate(u.reason()) : "HTTP " + status;
        Optional<Instant> next = schedule().nextAttempt(delivery.attempts(), delivery.eventCreatedAt(), now);
        if (next.isEmpty()) {
            LOG.warnf("Webhook delivery %s is DEAD after %d attempts: %s", delivery.id(), delivery.attempts(), error);
        }
        repository.markFailed(delivery.id(), status, error, next);
    }

    private RetrySchedule schedule() {
        return new RetrySchedule(config.firstRetryAfter(), config.longestRetryWait(), config.giveUpAfter());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
