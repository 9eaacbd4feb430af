package com.kakehashi.settlement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A batch: one bank, one cut-off. Totals are minor units of {@code currency} (FX cover: yen sold, currency bought).
 * {@code executionDate}: the requested execution date, the bank's business day on or after the cut-off's date in
 * its zone (set when the batch closes).
 */
public record SettlementBatch(UUID id, String bankId, Instant cutoff, String currency, BatchState state,
        String failureReason, Long payoutMinor, Long feeMinor, Long fxSoldMinor, Long fxBoughtMinor, Integer itemsTotal,
        int itemsDone, Instant createdAt, Instant updatedAt, LocalDate executionDate) {
}
