package com.kakehashi.webhook.application;

import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.settlement.domain.PayoutReturnBooked;
import com.kakehashi.webhook.domain.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code settlement.returned}: a payout came back from the merchant's bank and is owed to the merchant again. Observes
 * settlement's booking of the return (not reconciliation's announcement), so a return announced twice is one event,
 * written in the booking's transaction, for the merchant and for operators.
 */
@ApplicationScoped
public class SettlementReturnsToWebhooks {
    @Inject
    WebhookOutbox outbox;

    void onReturnBooked(@Observes PayoutReturnBooked event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("batchId", event.batchId().toString());
        data.put("bankId", event.bankId());
        data.put("merchantId", event.merchantId().toString());
        data.put("endToEndId", event.endToEndId());
        data.put(
                "amount",
                MoneyDto.of(Amounts.fromMinor(
                        event.amount().amount(), event.amount().currency())));
        data.put("reasonCode", event.reasonCode());
        data.put("returnedAt", event.returnedAt().toString());
        outbox.emit(
                EventType.SETTLEMENT_RETURNED,
                event.endToEndId(),
                List.of(event.merchantId().toString()),
                true,
                data);
    }
}
