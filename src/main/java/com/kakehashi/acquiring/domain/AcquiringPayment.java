package com.kakehashi.acquiring.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What the acquiring feature adds to a payment: the acquirer that took it, the merchant it took it for, and
 * how (a scanned user code or a merchant code the traveller scanned). Money lives on the payment itself.
 */
public record AcquiringPayment(
        UUID paymentId,
        String acquirerId,
        AcquiredMerchant merchant,
        Channel channel,
        Instant cancelledAt,
        Instant createdAt) {

    public enum Channel {
        /** The till scanned the traveller's one-time payment code. */
        USER_PRESENTED,
        /** The traveller scanned the merchant's code, which the acquirer resolved. */
        MERCHANT_PRESENTED
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }
}
