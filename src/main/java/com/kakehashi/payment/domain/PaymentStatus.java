package com.kakehashi.payment.domain;

public enum PaymentStatus {
    CAPTURED,
    PARTIALLY_REFUNDED,
    REFUNDED
}
