package com.kakehashi.reconciliation.domain;

import com.kakehashi.common.money.MinorAmount;
import java.time.LocalDate;

/**
 * One booked (or pending) movement of a bank statement, as the house's account sees it: DBIT money out
 * (a payout), CRDT money in (a top-up debited from a customer's account). {@code seq} numbers the rows of
 * a statement; {@code entryNo} the bank's entry (a batch-booked entry gives one row per transaction).
 */
public record StatementEntry(
        int seq,
        int entryNo,
        Direction direction,
        MinorAmount amount,
        LocalDate valueDate,
        String endToEndId,
        String bankReference,
        String counterparty,
        Booking booking) {

    public enum Direction {
        DBIT,
        CRDT
    }

    /** Only BOOK entries are matched; PDNG ones are shown. */
    public enum Status {
        BOOK,
        PDNG
    }

    /**
     * What kind of line: a single transaction, one transaction of a batch-booked entry, a batch booked as
     * one total without its transactions, a bank charge, or a return of an earlier payout.
     */
    public enum Kind {
        SINGLE,
        BATCH_ITEM,
        BATCH_TOTAL,
        CHARGE,
        RETURN
    }

    /** How the bank booked the line. {@code batchRef}: PmtInfId or Btch/MsgId; {@code returnReason}: ISO code, e.g. AC04. */
    public record Booking(
            Status status, boolean reversal, Kind kind, String batchRef, Integer batchCount, String returnReason) {
        public static final Booking BOOKED = new Booking(Status.BOOK, false, Kind.SINGLE, null, null, null);
    }

    public static final int MAX_END_TO_END_ID = 64;
    public static final int MAX_BANK_REFERENCE = 70;
    public static final int MAX_COUNTERPARTY = 140;

    public StatementEntry {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive");
        }
        if (endToEndId != null && endToEndId.length() > MAX_END_TO_END_ID) {
            throw new IllegalArgumentException("end-to-end id longer than " + MAX_END_TO_END_ID + " characters");
        }
        if (bankReference != null && bankReference.length() > MAX_BANK_REFERENCE) {
            throw new IllegalArgumentException("bank reference longer than " + MAX_BANK_REFERENCE + " characters");
        }
        if (counterparty != null && counterparty.length() > MAX_COUNTERPARTY) {
            throw new IllegalArgumentException("counterparty longer than " + MAX_COUNTERPARTY + " characters");
        }
    }

    /** Credits count positive, debits negative; only booked entries move the balance. */
    public MinorAmount signed() {
        return direction == Direction.CRDT ? amount : amount.negate();
    }

    public boolean booked() {
        return booking.status() == Status.BOOK;
    }
}
