package com.kakehashi.reconciliation.domain;

import java.time.LocalDate;
import java.util.UUID;

/** Something Kakehashi expects on a bank's statement: an instruction it sent, a debit it asked for. */
public record ExpectedItem(UUID id, String bankId, Kind kind, String reference, UUID batchId,
        StatementEntry.Direction direction, long amountMinor, String currency, LocalDate valueDate, String counterparty) {

    public enum Kind {
        SETTLEMENT_INSTRUCTION, TOP_UP_DEBIT, FX_COVER, FEE
    }
}
