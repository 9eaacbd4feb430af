package com.kakehashi.reconciliation.domain;

import java.time.LocalDate;

/**
 * What identifies and closes a statement. A camt.054 notification has no balances: opening and
 * closing are null and the balance check does not apply.
 */
public record StatementHeader(StatementFormat format, String account, String statementRef, String currency,
        Long openingMinor, Long closingMinor, LocalDate statementDate) {

    public enum StatementFormat {
        CAMT053, CAMT054, CSV
    }

    /** Opening balance plus the entries equals the closing balance (or there are no balances to check). */
    public boolean addsUp(long entriesTotalMinor) {
        return openingMinor == null || closingMinor == null || openingMinor + entriesTotalMinor == closingMinor;
    }
}
