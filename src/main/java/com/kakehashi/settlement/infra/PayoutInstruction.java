package com.kakehashi.settlement.infra;

import com.kakehashi.settlement.domain.SettlementItem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a payout file says: from the house's account at the bank, to each merchant with a positive net. */
public record PayoutInstruction(UUID batchId, Instant cutoff, String bankBic, String settlementAccount, String currency,
        List<SettlementItem> payouts) {
}
