package com.kakehashi.acquiring.domain;

import java.time.Instant;
import java.util.UUID;

/** A stored payment code as the acquiring flow judges it: which wallet it binds and whether it still pays. */
public record PaymentCodeState(UUID walletId, String owner, Instant expiresAt, Instant usedAt) {

    public enum Verdict { PAYABLE, EXPIRED, USED }

    public Verdict verdictAt(Instant now) {
        if (usedAt != null) {
            return Verdict.USED;
        }
        return now.isBefore(expiresAt) ? Verdict.PAYABLE : Verdict.EXPIRED;
    }
}
