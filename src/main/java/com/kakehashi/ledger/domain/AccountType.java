package com.kakehashi.ledger.domain;

/**
 * Ledger account kinds. Sign convention for every account: a posting's amount is positive
 * when it credits the account and negative when it debits it, so each journal sums to zero per
 * currency and an account's balance is the plain sum of its postings.
 */
public enum AccountType {
    /** What Kakehashi owes a wallet holder. */
    WALLET,
    /** What Kakehashi owes a merchant until settlement pays it out. */
    MERCHANT_PAYABLE,
    /** Money in transit with a partner bank (top-ups received, payouts sent). */
    BANK_CLEARING,
    /** The operator's currency position: yen taken in, foreign currency owed out. */
    FX_POSITION,
    /** Gains (credit) and losses (debit) from converting at a rate other than the position's, e.g. refunds at market. */
    FX_GAIN_LOSS,
    /** Fixed fees charged to customers on top of the converted price. */
    FEE_INCOME
}
