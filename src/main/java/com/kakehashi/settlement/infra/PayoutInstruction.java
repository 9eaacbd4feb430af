package com.kakehashi.settlement.infra;

import com.kakehashi.settlement.domain.SettlementItem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a payout file says: from the house's account at the bank, to each merchant with a positive net, to be
 * executed on {@code executionDate} (the bank's business day on or after the cut-off's date).
 */
public record PayoutInstruction(
        UUID batchId,
        Instant cutoff,
        String bankBic,
        String settlementAccount,
        String currency,
        List<SettlementItem> payouts,
        LocalDate executionDate) {

    /** An instruction executed on the cut-off's UTC date (tests and files written before calendars). */
    public PayoutInstruction(
            UUID batchId,
            Instant cutoff,
            String bankBic,
            String settlementAccount,
            String currency,
            List<SettlementItem> payouts) {
        this(
                batchId,
                cutoff,
                bankBic,
                settlementAccount,
                currency,
                payouts,
                cutoff.atOffset(java.time.ZoneOffset.UTC).toLocalDate());
    }
}
