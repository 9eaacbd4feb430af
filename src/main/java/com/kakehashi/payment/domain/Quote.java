package com.kakehashi.payment.domain;

import com.kakehashi.fx.domain.FxQuote;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A priced offer for one payment, valid until {@code expiresAt}, usable once. It lives in a signed token
 * ({@link QuoteSeal}), not in a table: its single use is the uniqueness of the payment's quote id.
 */
public record Quote(
        UUID id, UUID walletId, String owner, UUID merchantId, FxQuote pricing, Instant createdAt, Instant expiresAt) {

    public Quote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a quote expires after it is made");
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
