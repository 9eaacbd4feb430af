package com.kakehashi.webhook.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.webhook.domain.Delivery;
import com.kakehashi.webhook.domain.EventType;
import com.kakehashi.webhook.domain.Subscription;
import com.kakehashi.webhook.domain.WebhookUrlPolicy;
import com.kakehashi.webhook.infra.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Subscriptions of merchants, acquirers and operators, and what was delivered to them. */
@ApplicationScoped
public class Webhooks {
    private static final int SECRET_BYTES = 32;
    private static final int MAX_SUBSCRIPTIONS_PER_OWNER = 20;
    private final SecureRandom random = new SecureRandom();

    @Inject
    WebhookRepository repository;

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    @Inject
    SubscriberIndex index;

    @Inject
    jakarta.enterprise.inject.Instance<SubscriberAliases> aliases;

    @Inject
    WebhookSecrets secrets;

    /** A new subscription and its signing secret, which is shown only in this answer (stored sealed, never plain). */
    public record Created(Subscription subscription, String secret) {}

    @Transactional
    public Created subscribe(Caller caller, String url, List<String> eventNames) {
        WebhookUrlPolicy.refusal(url, config.allowHttpLoopback()).ifPresent(reason -> {
            throw new BusinessException(ErrorCode.WEBHOOK_URL_INVALID, reason);
        });
        if (eventNames == null || eventNames.isEmpty()) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "events must name at least one event");
        }
        LinkedHashSet<EventType> events = new LinkedHashSet<>();
        for (String name : eventNames) {
            events.add(EventType.byWireName(name)
                    .orElseThrow(() -> new BusinessException(
                            ErrorCode.INVALID_REQUEST,
                            "Unknown event '" + name
                                    + "'; events are payment.captured, payment.refunded, payment.cancelled,"
                                    + " settlement.delivered, settlement.returned, reconciliation.break_opened")));
        }
        if (repository.subscriptionsOf(caller.subject()).size() >= MAX_SUBSCRIPTIONS_PER_OWNER) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST,
                    "At most " + MAX_SUBSCRIPTIONS_PER_OWNER + " subscriptions per subscriber");
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        String alias = aliases.isResolvable() ? aliases.get().aliasOf(caller).orElse(null) : null;
        repository.insertSubscription(
                id,
                caller.subject(),
                roleOf(caller),
                alias,
                url,
                List.copyOf(events),
                secrets.seal(id, secret),
                clock.instant());
        index.added(caller.subject(), alias, caller.isOperator());
        return new Created(repository.subscription(id).orElseThrow(), secret);
    }

    @Transactional
    public List<Subscription> mine(Caller caller) {
        return repository.subscriptionsOf(caller.subject());
    }

    /** The caller's own subscription; any other answers 404. */
    @Transactional
    public Subscription owned(Caller caller, UUID id) {
        return repository
                .subscription(id)
                .filter(s -> s.owner().equals(caller.subject()))
                .orElseThrow(() -> new BusinessException(ErrorCode.WEBHOOK_NOT_FOUND, "No webhook " + id));
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        owned(caller, id);
        repository.deactivate(id);
    }

    @Transactional
    public List<Delivery> deliveries(Caller caller, UUID id, int page, int size) {
        owned(caller, id);
        return repository.deliveries(id, page * size, size);
    }

    /** Queues the delivery to be sent again now, whatever became of it. */
    @Transactional
    public Delivery replay(Caller caller, UUID id, UUID deliveryId) {
        owned(caller, id);
        if (!repository.replay(id, deliveryId, clock.instant())) {
            throw new BusinessException(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, "No delivery " + deliveryId);
        }
        return repository.delivery(id, deliveryId).orElseThrow();
    }

    private static String roleOf(Caller caller) {
        if (caller.isOperator()) {
            return Roles.OPERATOR;
        }
        return caller.is(Roles.ACQUIRER) ? Roles.ACQUIRER : Roles.MERCHANT;
    }
}
