package com.kakehashi.webhook.application;

import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.reconciliation.application.BreakListeners;
import com.kakehashi.reconciliation.domain.BreakOpened;
import com.kakehashi.webhook.domain.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code reconciliation.break_opened} for operators, in the matching transaction that opened the break. Banks read
 * their breaks through the API but cannot subscribe to webhooks (docs/webhooks.md), so operators are the audience.
 */
@ApplicationScoped
public class ReconciliationEventsToWebhooks implements BreakListeners {
    @Inject
    WebhookOutbox outbox;

    @Inject
    SubscriberIndex subscribers;

    /** Operators are the audience: with no operator subscription, matching skips announcing (SubscriberIndex). */
    @Override
    public boolean anyListener() {
        return subscribers.anyFor(List.of(), true);
    }

    void onBreakOpened(@Observes BreakOpened event) {
        outbox.emit(EventType.RECONCILIATION_BREAK_OPENED, event.breakId().toString(), List.of(), true, data(event));
    }

    static Map<String, Object> data(BreakOpened b) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("breakId", b.breakId().toString());
        data.put("bankId", b.bankId());
        data.put("outcome", b.outcome());
        data.put("kind", b.kind());
        data.put("statementId", text(b.statementId()));
        data.put("statementRef", b.statementRef());
        data.put("entry", b.entry());
        data.put("batchId", text(b.batchId()));
        data.put("expectedItemId", text(b.expectedItemId()));
        data.put("endToEndId", b.endToEndId());
        data.put("bankReference", b.bankReference());
        data.put("counterparty", b.counterparty());
        data.put("amount", MoneyDto.of(b.amount()));
        data.put("difference", MoneyDto.of(b.difference()));
        data.put("valueDate", text(b.valueDate()));
        data.put("detail", b.detail());
        data.put("openedAt", b.openedAt().toString());
        return data;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
