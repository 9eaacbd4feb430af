package com.kakehashi.settlement.domain;

import com.kakehashi.common.money.Currencies;
import com.kakehashi.common.money.MinorAmount;
import java.util.Objects;
import java.util.UUID;

/**
 * One merchant's line in a batch, in the merchant's currency (its netting's); {@code chargeYen} is what wallets
 * paid for it (the FX cover's yen side), always yen. {@code payoutAccountHolderKana} is the account holder's name as
 * Zengin files carry it (Japanese banks), or null.
 */
public record SettlementItem(
        UUID merchantId,
        String merchantName,
        String payoutAccount,
        int payments,
        int refunds,
        MerchantNetting netting,
        MinorAmount chargeYen,
        String endToEndId,
        String payoutAccountHolderKana) {
    public SettlementItem {
        Objects.requireNonNull(netting, "netting");
        if (!Currencies.JPY.equals(chargeYen.currency())) {
            throw new IllegalArgumentException("the FX cover's side is yen, not " + chargeYen.currency());
        }
    }

    public SettlementItem(
            UUID merchantId,
            String merchantName,
            String payoutAccount,
            int payments,
            int refunds,
            MerchantNetting netting,
            MinorAmount chargeYen,
            String endToEndId) {
        this(merchantId, merchantName, payoutAccount, payments, refunds, netting, chargeYen, endToEndId, null);
    }

    /** The merchant's currency code (its netting's). */
    public String currency() {
        return netting.currency().getCurrencyCode();
    }

    public MinorAmount net() {
        return netting.netAmount();
    }
}
