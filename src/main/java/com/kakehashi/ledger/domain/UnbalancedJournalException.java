package com.kakehashi.ledger.domain;

/** A programming error: somebody built a journal that does not balance. Never shown to callers. */
public class UnbalancedJournalException extends IllegalStateException {
    public UnbalancedJournalException(String message) {
        super(message);
    }
}
