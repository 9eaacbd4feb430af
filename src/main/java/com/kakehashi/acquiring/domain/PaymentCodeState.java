package com.kakehashi.acquiring.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored payment code as the acquiring flow judges it: which wallet it binds, whether it still pays, and (once
 * used) by which acquirer request and for which quote (its id and its sealed token, to resume the payment).
 */
public record PaymentCodeState(
        UUID walletId,
        String owner,
        Instant expiresAt,
        Instant usedAt,
        String usedBy,
        UUID quoteId,
        String quoteToken) {

    public enum Verdict {
        PAYABLE,
        EXPIRED,
        USED
    }

    public Verdict verdictAt(Instant now) {
        if (usedAt != null) {
            return Verdict.USED;
        }
        return now.isBefore(expiresAt) ? Verdict.PAYABLE : Verdict.EXPIRED;
    }

    /** True when this request (acquirer and Idempotency-Key) used the code and may resume its payment. */
    public boolean usedBy(String request) {
        return usedAt != null && request.equals(usedBy) && quoteToken != null;
    }
}
