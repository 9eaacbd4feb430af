package com.kakehashi.wallet.domain;

import java.time.Instant;
import java.util.UUID;

/** Fired in the transaction that records a top-up: the funding bank will credit the house's account with it. */
public record TopUpRequested(
        UUID topUpId,
        String fundingBankId,
        long amountMinor,
        String currency,
        String holderName,
        Instant requestedAt) {}
