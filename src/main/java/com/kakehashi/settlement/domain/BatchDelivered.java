package com.kakehashi.settlement.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Fired when a batch is first delivered: the bank will debit the house's account once per instruction. */
public record BatchDelivered(UUID batchId, String bankId, String currency, LocalDate valueDate, List<Instruction> instructions) {
    public record Instruction(String endToEndId, long amountMinor, String counterparty) {
    }
}
