package com.kakehashi.reconciliation.domain;

import com.kakehashi.common.money.MinorAmount;
import java.time.LocalDate;
import java.util.UUID;

/** Something Kakehashi expects on a bank's statement: an instruction it sent, a debit it asked for. */
public record ExpectedItem(
        UUID id,
        String bankId,
        Kind kind,
        String reference,
        UUID batchId,
        StatementEntry.Direction direction,
        MinorAmount amount,
        LocalDate valueDate,
        String counterparty) {

    public enum Kind {
        SETTLEMENT_INSTRUCTION,
        TOP_UP_DEBIT,
        TOP_UP_REVERSAL,
        FX_COVER,
        FEE
    }

    public ExpectedItem {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("an expected amount is positive");
        }
    }
}
