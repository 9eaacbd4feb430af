package com.kakehashi.webhook.application;

import com.kakehashi.common.security.Roles;
import com.kakehashi.webhook.infra.WebhookRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who subscribes at all, in memory, so that a payment nobody subscribes to costs the capture no SQL statement (the
 * capture path is two statements, docs/architecture.md). Subscriptions made on this instance count at once; those
 * made on another instance within {@code kakehashi.webhooks.subscriber-refresh-every} (5 s) of their creation.
 */
@ApplicationScoped
public class SubscriberIndex {
    private record Snapshot(Set<String> subjects, boolean operators) {}

    @Inject
    WebhookRepository repository;

    private volatile Snapshot snapshot = new Snapshot(Set.of(), false);

    void onStart(@Observes StartupEvent start) {
        refresh();
    }

    @Scheduled(
            every = "${kakehashi.webhooks.subscriber-refresh-every:5s}",
            executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        List<WebhookRepository.Subscriber> rows =
                QuarkusTransaction.requiringNew().call(repository::activeSubscribers);
        Set<String> subjects = new HashSet<>();
        boolean operators = false;
        for (WebhookRepository.Subscriber row : rows) {
            subjects.add(row.owner());
            if (row.alias() != null) {
                subjects.add(row.alias());
            }
            operators |= Roles.OPERATOR.equals(row.ownerRole());
        }
        snapshot = new Snapshot(Set.copyOf(subjects), operators);
    }

    /** Counts a subscription made here at once. */
    void added(String owner, String alias, boolean operator) {
        Snapshot s = snapshot;
        Set<String> subjects = new HashSet<>(s.subjects());
        subjects.add(owner);
        if (alias != null) {
            subjects.add(alias);
        }
        snapshot = new Snapshot(Set.copyOf(subjects), s.operators() || operator);
    }

    boolean anyFor(List<String> audience, boolean operators) {
        Snapshot s = snapshot;
        return (operators && s.operators()) || audience.stream().anyMatch(s.subjects()::contains);
    }
}
