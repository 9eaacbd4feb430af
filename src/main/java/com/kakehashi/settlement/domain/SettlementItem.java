package com.kakehashi.settlement.domain;

import java.util.UUID;

/**
 * One merchant's line in a batch; {@code chargeYen} is what wallets paid for it (the FX cover's yen side).
 * {@code payoutAccountHolderKana} is the account holder's name as Zengin files carry it (Japanese banks), or null.
 */
public record SettlementItem(UUID merchantId, String merchantName, String payoutAccount, String currency, int payments,
        int refunds, MerchantNetting netting, long chargeYen, String endToEndId, String payoutAccountHolderKana) {

    public SettlementItem(UUID merchantId, String merchantName, String payoutAccount, String currency, int payments,
            int refunds, MerchantNetting netting, long chargeYen, String endToEndId) {
        this(merchantId, merchantName, payoutAccount, currency, payments, refunds, netting, chargeYen, endToEndId, null);
    }
}
