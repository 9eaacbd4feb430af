package com.kakehashi.bank.domain;

/** What the funding bank said when asked to return an approved debit to the customer's account. */
public sealed interface ReversalOutcome {
    /** The money is back in the customer's account. */
    record Reversed(String bankReference) implements ReversalOutcome {}

    /** No definite answer: ask again later (the bank deduplicates the reversal by the debit's request id). */
    record Unknown(String why) implements ReversalOutcome {}
}
