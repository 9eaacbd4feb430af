package com.kakehashi.reconciliation.domain;

import com.kakehashi.common.money.MinorAmount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A statement as received and stored: its header, its totals and whether a later version replaced it. A camt.054
 * notification has no balances: opening and closing are null.
 */
public record ReceivedStatement(
        UUID id,
        String bankId,
        String format,
        String reference,
        String account,
        String currency,
        MinorAmount opening,
        MinorAmount closing,
        MinorAmount entriesTotal,
        boolean balanced,
        LocalDate date,
        int entries,
        boolean superseded,
        String receivedBy,
        Instant receivedAt) {}
