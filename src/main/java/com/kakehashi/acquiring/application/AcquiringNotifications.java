package com.kakehashi.acquiring.application;

import com.kakehashi.acquiring.application.AcquiringPayments.AcquiredPayment;
import com.kakehashi.webhook.application.PaymentEventsToWebhooks;
import com.kakehashi.webhook.application.WebhookOutbox;
import com.kakehashi.webhook.domain.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The acquirer's own notification: payment.cancelled. Captures and refunds reach the acquirer through the payment
 * feature's events (its subscriptions carry its payee as alias); a cancellation only the acquiring feature knows.
 */
@ApplicationScoped
public class AcquiringNotifications {
    @Inject
    WebhookOutbox outbox;

    void cancelled(AcquiredPayment p) {
        emit(EventType.PAYMENT_CANCELLED, p, data(p));
    }

    private void emit(EventType type, AcquiredPayment p, Map<String, Object> data) {
        outbox.emit(type, p.payment().id().toString(), List.of(p.acquiring().acquirerId()), false, data);
    }

    private static Map<String, Object> data(AcquiredPayment p) {
        Map<String, Object> data = PaymentEventsToWebhooks.data(p.payment());
        data.put("status", p.status());
        data.put("acquirerId", p.acquiring().acquirerId());
        data.put("merchantReference", p.acquiring().merchant().reference());
        data.put("merchantName", p.acquiring().merchant().name());
        return data;
    }
}
