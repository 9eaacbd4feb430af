package com.kakehashi.settlement.domain;

import java.time.Instant;
import java.util.UUID;

/** A batch: one bank, one cut-off. Totals are minor units of {@code currency} (FX cover: yen sold, currency bought). */
public record SettlementBatch(UUID id, String bankId, Instant cutoff, String currency, BatchState state,
        String failureReason, Long payoutMinor, Long feeMinor, Long fxSoldMinor, Long fxBoughtMinor, Integer itemsTotal,
        int itemsDone, Instant createdAt, Instant updatedAt) {
}
