package com.kakehashi.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.javamoney.moneta.Money;

/**
 * A captured payment: the wallet was charged {@code charge} (including {@code fee}); the merchant is
 * owed {@code price}; {@code rate} is the customer rate applied. Refunded amounts are counted at that rate.
 */
public record Payment(
        UUID id,
        UUID quoteId,
        UUID walletId,
        String owner,
        UUID merchantId,
        Money price,
        Money charge,
        Money fee,
        BigDecimal rate,
        Money refundedPrice,
        Money refundedCharge,
        PaymentStatus status,
        Instant capturedAt,
        long version) {

    public Money refundablePrice() {
        return price.subtract(refundedPrice);
    }

    public Money refundableCharge() {
        return charge.subtract(refundedCharge);
    }

    /** The payment as its capture answered it: replays of the capture say the same, whatever came later. */
    public Payment asCaptured() {
        return new Payment(
                id,
                quoteId,
                walletId,
                owner,
                merchantId,
                price,
                charge,
                fee,
                rate,
                price.multiply(0),
                charge.multiply(0),
                PaymentStatus.CAPTURED,
                capturedAt,
                0);
    }
}
