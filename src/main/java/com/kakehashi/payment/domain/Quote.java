package com.kakehashi.payment.domain;

import com.kakehashi.fx.domain.FxQuote;
import java.time.Instant;
import java.util.UUID;

/** A priced offer for one payment, valid until {@code expiresAt}, usable once. */
public record Quote(
        UUID id,
        UUID walletId,
        String owner,
        UUID merchantId,
        FxQuote pricing,
        Instant expiresAt,
        Instant usedAt,
        Instant createdAt) {

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
