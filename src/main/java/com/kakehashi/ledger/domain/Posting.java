package com.kakehashi.ledger.domain;

import java.util.Objects;
import java.util.UUID;
import org.javamoney.moneta.Money;

/** One line of a journal: a signed amount (credit positive, debit negative) on one account. */
public record Posting(UUID accountId, Money amount) {
    public Posting {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(amount, "amount");
        if (amount.isZero()) {
            throw new IllegalArgumentException("A posting never moves zero");
        }
    }

    public static Posting credit(UUID accountId, Money amount) {
        return new Posting(accountId, amount.abs());
    }

    public static Posting debit(UUID accountId, Money amount) {
        return new Posting(accountId, amount.abs().negate());
    }
}
