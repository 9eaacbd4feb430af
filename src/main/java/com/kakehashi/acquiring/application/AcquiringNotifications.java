package com.kakehashi.acquiring.application;

import com.kakehashi.acquiring.application.AcquiringPayments.AcquiredPayment;
import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.payment.application.Refunds;
import com.kakehashi.webhook.application.PaymentEventsToWebhooks;
import com.kakehashi.webhook.application.WebhookOutbox;
import com.kakehashi.webhook.domain.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The acquirer's own notifications: the payment events of the payment feature go to the payee and operators;
 * these go to the acquirer, with the merchant it named, in the same transaction as the change.
 */
@ApplicationScoped
public class AcquiringNotifications {
    @Inject
    WebhookOutbox outbox;

    void captured(AcquiredPayment p) {
        emit(EventType.PAYMENT_CAPTURED, p, data(p));
    }

    void cancelled(AcquiredPayment p) {
        emit(EventType.PAYMENT_CANCELLED, p, data(p));
    }

    void refunded(AcquiredPayment p, Refunds.Refund refund) {
        Map<String, Object> data = data(p);
        data.put("refundId", refund.id().toString());
        data.put("refundAmount", MoneyDto.of(refund.price()));
        emit(EventType.PAYMENT_REFUNDED, p, data);
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
