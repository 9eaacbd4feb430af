package com.kakehashi.payment.domain;

/** Fired inside the capture's transaction, so that observers (the webhook outbox) commit with it or not at all. */
public record PaymentCaptured(Payment payment) {}
