package com.kakehashi.settlement.domain;

import com.kakehashi.common.money.Currencies;
import com.kakehashi.common.money.MinorAmount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.money.CurrencyUnit;

/**
 * A batch: one bank, one cut-off. Totals (set when the batch closes, null before) are in the batch's currency;
 * the FX cover is yen sold and the batch's currency bought (null for a yen bank).
 * {@code executionDate}: the requested execution date, the bank's business day on or after the cut-off's date in
 * its zone (set when the batch closes).
 */
public record SettlementBatch(
        UUID id,
        String bankId,
        Instant cutoff,
        CurrencyUnit currencyUnit,
        BatchState state,
        String failureReason,
        MinorAmount payout,
        MinorAmount fee,
        MinorAmount fxSold,
        MinorAmount fxBought,
        Integer itemsTotal,
        int itemsDone,
        Instant createdAt,
        Instant updatedAt,
        LocalDate executionDate) {

    public SettlementBatch {
        requireCurrency(payout, currencyUnit);
        requireCurrency(fee, currencyUnit);
        requireCurrency(fxSold, Currencies.JPY);
        requireCurrency(fxBought, currencyUnit);
    }

    private static void requireCurrency(MinorAmount amount, CurrencyUnit currency) {
        if (amount != null && !amount.currency().equals(currency)) {
            throw new IllegalArgumentException("a batch total in " + amount.currency() + ", expected " + currency);
        }
    }

    public String currency() {
        return currencyUnit.getCurrencyCode();
    }
}
