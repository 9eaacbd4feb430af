package com.kakehashi.bank.domain;

/** What the funding bank said about a debit of a customer's linked account. */
public sealed interface DebitOutcome {
    /** The bank took the money: the wallet may be credited. */
    record Approved(String bankReference) implements DebitOutcome {}

    /** The bank refused: nothing moved. */
    record Declined(String reason) implements DebitOutcome {}

    /** No definite answer (timeout, 5xx, circuit open): the debit may or may not have happened. */
    record Unknown(String why) implements DebitOutcome {}
}
