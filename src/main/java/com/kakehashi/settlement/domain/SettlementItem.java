package com.kakehashi.settlement.domain;

import java.util.UUID;

/** One merchant's line in a batch; {@code chargeYen} is what wallets paid for it (the FX cover's yen side). */
public record SettlementItem(UUID merchantId, String merchantName, String payoutAccount, String currency, int payments,
        int refunds, MerchantNetting netting, long chargeYen, String endToEndId) {
}
