package com.kakehashi.reconciliation.domain;

import java.time.LocalDate;

/**
 * One booked entry of a bank statement, as the house's account sees it: DBIT money out (a payout),
 * CRDT money in (a top-up debited from a customer's account). Amounts are minor units.
 */
public record StatementEntry(int seq, Direction direction, long amountMinor, String currency, LocalDate valueDate,
        String endToEndId, String bankReference, String counterparty) {

    public enum Direction {
        DBIT, CRDT
    }

    public StatementEntry {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("entry " + seq + ": amount must be positive");
        }
    }

    public long signedMinor() {
        return direction == Direction.CRDT ? amountMinor : -amountMinor;
    }
}
