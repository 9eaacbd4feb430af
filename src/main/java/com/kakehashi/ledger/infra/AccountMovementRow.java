package com.kakehashi.ledger.infra;

import java.time.Instant;
import java.util.UUID;

/** One posting on an account with its journal's type and reference. */
public record AccountMovementRow(
        UUID journalId, String journalType, String reference, String currency, long amountMinor, Instant at) {}
