package com.kakehashi.fx.domain;

/**
 * At which rate a refund of a cross-currency payment returns yen. ORIGINAL_RATE (the default): the
 * payment's locked customer rate, so the traveller gets back what was paid. MARKET_RATE: today's
 * customer rate; the difference against the original rate is booked to FX gain/loss.
 */
public enum RefundRatePolicy {
    ORIGINAL_RATE,
    MARKET_RATE
}
