package com.kakehashi.ledger.domain;

/** Why a journal entry was written; its reference names the business object. */
public enum JournalType {
    TOP_UP,
    PAYMENT,
    REFUND,
    /** A settlement batch pays merchants out: merchant payable to the partner bank's clearing account. */
    SETTLEMENT
}
