package com.kakehashi.payment.domain;

import java.time.Instant;
import java.util.UUID;
import org.javamoney.moneta.Money;

/** Fired inside the refund's transaction; {@code payment} is the payment after the refund. */
public record PaymentRefunded(Payment payment, UUID refundId, Money price, Money charge, Instant at) {}
