package com.kakehashi.webhook.application;

import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.payment.domain.Payment;
import com.kakehashi.payment.domain.PaymentCaptured;
import com.kakehashi.payment.domain.PaymentRefunded;
import com.kakehashi.settlement.domain.BatchDelivered;
import com.kakehashi.webhook.domain.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns other features' events into outbox entries for the payment's merchant and for operators. Observers run
 * synchronously in the emitter's transaction: the outbox row commits with the payment, or neither does.
 */
@ApplicationScoped
public class PaymentEventsToWebhooks {
    @Inject
    WebhookOutbox outbox;

    void onCaptured(@Observes PaymentCaptured event) {
        Payment p = event.payment();
        outbox.emit(
                EventType.PAYMENT_CAPTURED,
                p.id().toString(),
                List.of(p.merchantId().toString()),
                true,
                data(p));
    }

    void onRefunded(@Observes PaymentRefunded event) {
        Payment p = event.payment();
        Map<String, Object> data = data(p);
        data.put("refundId", event.refundId().toString());
        data.put("refundAmount", MoneyDto.of(event.price()));
        data.put("returnedToWallet", MoneyDto.of(event.charge()));
        outbox.emit(
                EventType.PAYMENT_REFUNDED,
                p.id().toString(),
                List.of(p.merchantId().toString()),
                true,
                data);
    }

    void onBatchDelivered(@Observes BatchDelivered event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("batchId", event.batchId().toString());
        data.put("bankId", event.bankId());
        data.put("currency", event.currency());
        data.put(
                "valueDate",
                event.valueDate() == null ? null : event.valueDate().toString());
        data.put("instructions", event.instructions().size());
        outbox.emit(EventType.SETTLEMENT_DELIVERED, event.batchId().toString(), List.of(), true, data);
    }

    /** The payment as a webhook receiver sees it (no wallet or traveller identity). */
    public static Map<String, Object> data(Payment p) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("paymentId", p.id().toString());
        data.put("merchantId", p.merchantId().toString());
        data.put("status", p.status().name());
        data.put("price", MoneyDto.of(p.price()));
        data.put("charge", MoneyDto.of(p.charge()));
        data.put("refundedPrice", MoneyDto.of(p.refundedPrice()));
        data.put("capturedAt", p.capturedAt().toString());
        return data;
    }
}
