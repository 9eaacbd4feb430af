package com.kakehashi.reconciliation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A statement as received and stored: its header, its totals and whether a later version replaced it. */
public record ReceivedStatement(
        UUID id,
        String bankId,
        String format,
        String reference,
        String account,
        String currency,
        Long openingMinor,
        Long closingMinor,
        long entriesTotalMinor,
        boolean balanced,
        LocalDate date,
        int entries,
        boolean superseded,
        String receivedBy,
        Instant receivedAt) {}
