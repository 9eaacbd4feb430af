package com.kakehashi.wallet.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired in the transaction that moves an approved top-up to REVERSING: the funding bank will take the
 * amount back out of the house's account and return it to the customer's.
 */
public record TopUpReversalStarted(
        UUID topUpId, String fundingBankId, long amountMinor, String currency, String holderName, Instant startedAt) {}
