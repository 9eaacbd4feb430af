package com.kakehashi.settlement.domain;

import com.kakehashi.common.money.MinorAmount;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Fired when a batch is first delivered: the bank will debit the house's account once per instruction,
 * and for a foreign-currency bank credit it with the currency bought for the batch ({@code fxBought},
 * null for a yen bank).
 */
public record BatchDelivered(
        UUID batchId,
        String bankId,
        String currency,
        LocalDate valueDate,
        List<Instruction> instructions,
        MinorAmount fxBought) {
    public record Instruction(String endToEndId, MinorAmount amount, String counterparty) {}

    /** The reference the bank's FX desk quotes for the batch's cover: "FXC" + the batch's message id tail. */
    public String fxCoverReference() {
        return "FXC" + EndToEndIds.messageId(batchId).substring(3, 35);
    }

    /** The reference of the bank's fee for executing the batch. */
    public String feeReference() {
        return "FEE" + EndToEndIds.messageId(batchId).substring(3, 35);
    }
}
