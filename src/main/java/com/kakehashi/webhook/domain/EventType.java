package com.kakehashi.webhook.domain;

import java.util.Arrays;
import java.util.Optional;

/** The events a subscription may ask for, by their wire names. */
public enum EventType {
    PAYMENT_CAPTURED("payment.captured"),
    PAYMENT_REFUNDED("payment.refunded"),
    PAYMENT_CANCELLED("payment.cancelled"),
    SETTLEMENT_DELIVERED("settlement.delivered"),
    SETTLEMENT_RETURNED("settlement.returned"),
    RECONCILIATION_BREAK_OPENED("reconciliation.break_opened");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
