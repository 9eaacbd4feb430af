package com.kakehashi.wallet.domain;

/**
 * PENDING until the funding bank gives a definite answer; COMPLETED credits the wallet exactly once.
 * A debit the bank approved but the wallet cannot take (closed, or its credit keeps failing) is never
 * stranded: it goes REVERSING (the bank is asked to return the money) and REVERSED once it has.
 */
public enum TopUpStatus {
    PENDING,
    COMPLETED,
    DECLINED,
    REVERSING,
    REVERSED
}
