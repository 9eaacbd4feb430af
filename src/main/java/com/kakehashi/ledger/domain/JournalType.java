package com.kakehashi.ledger.domain;

/** Why a journal entry was written; its reference names the business object. */
public enum JournalType {
    TOP_UP,
    PAYMENT,
    REFUND,
    /** A settlement batch pays merchants out: merchant payable to the partner bank's clearing account. */
    SETTLEMENT,
    /** A payout the beneficiary's bank returned: the bank's clearing account back to the merchant's payable. */
    SETTLEMENT_RETURN
}
