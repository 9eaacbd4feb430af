package com.kakehashi.settlement.domain;

import java.time.Instant;
import java.util.UUID;

/** A paid item the merchant's bank sent back: its ISO reason code, when settlement took it back, and by which journal. */
public record PayoutReturn(String endToEndId, String reasonCode, Instant returnedAt, UUID journalId) {}
