package com.kakehashi.reconciliation.domain;

/** What matching says of an expected item or a statement entry; everything but MATCHED is a break. */
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
    DUPLICATE
}
