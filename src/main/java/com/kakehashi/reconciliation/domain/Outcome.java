package com.kakehashi.reconciliation.domain;

import java.util.Set;

/** What matching says of an expected item or a statement entry; the break outcomes are listed in {@link #BREAKS}. */
public enum Outcome {
    /** Found, same direction, amount within the tolerance. */
    MATCHED,
    /** Found by its end-to-end id, but the amount (or direction) differs beyond the tolerance. */
    AMOUNT_MISMATCH,
    /** Instructed, and not on any statement a grace period after its value date. */
    MISSING_AT_BANK,
    /** On a statement, and never instructed. */
    UNEXPECTED_AT_BANK,
    /** The bank executed the same instruction again. */
    DUPLICATE,
    /** A line that could not be read or whose consequence (e.g. crediting a top-up) failed; the reason is kept. */
    UNPROCESSABLE,
    /** A pending (PDNG) entry: shown, not matched. */
    PENDING,
    /** A booking that the bank later reversed (RvslInd); its expected item is open again. */
    REVERSED,
    /** The reversing entry itself. */
    REVERSAL,
    /** A payout the beneficiary's bank sent back (RtrInf), with the ISO reason code. */
    RETURNED_BY_BANK,
    /** A bank charge (CHRG) that no configured bank fee explains. */
    UNEXPECTED_CHARGE;

    public static final Set<Outcome> BREAKS = Set.of(
            AMOUNT_MISMATCH,
            MISSING_AT_BANK,
            UNEXPECTED_AT_BANK,
            DUPLICATE,
            UNPROCESSABLE,
            RETURNED_BY_BANK,
            UNEXPECTED_CHARGE);

    public boolean isBreak() {
        return BREAKS.contains(this);
    }
}
