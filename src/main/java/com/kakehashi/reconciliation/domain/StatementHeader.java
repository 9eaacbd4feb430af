package com.kakehashi.reconciliation.domain;

import com.kakehashi.common.money.MinorAmount;
import java.time.LocalDate;

/**
 * What identifies and closes a statement. A camt.054 notification has no balances: opening and closing
 * are null and the balance check does not apply. A paged statement (MsgPgntn/StmtPgntn) comes as several
 * pages with the same reference; each page is its own row, a corrected page supersedes the same page.
 */
public record StatementHeader(
        StatementFormat format,
        String account,
        String statementRef,
        String currency,
        MinorAmount opening,
        MinorAmount closing,
        LocalDate statementDate,
        int page) {

    public enum StatementFormat {
        CAMT053,
        CAMT054,
        CSV,
        ZENGIN
    }

    public static final int MAX_REFERENCE = 70;
    public static final int MAX_ACCOUNT = 70;

    public StatementHeader {
        if (statementRef == null || statementRef.isBlank() || statementRef.length() > MAX_REFERENCE) {
            throw new IllegalArgumentException("statement reference must hold 1 to " + MAX_REFERENCE + " characters");
        }
        if (account == null || account.isBlank() || account.length() > MAX_ACCOUNT) {
            throw new IllegalArgumentException("account must hold 1 to " + MAX_ACCOUNT + " characters");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, not '" + currency + "'");
        }
        for (MinorAmount balance : new MinorAmount[] {opening, closing}) {
            if (balance != null && !balance.currencyCode().equals(currency)) {
                throw new IllegalArgumentException(
                        "a balance in " + balance.currencyCode() + " on a " + currency + " statement");
            }
        }
        if (page < 1) {
            throw new IllegalArgumentException("page numbers start at 1");
        }
    }

    public StatementHeader(
            StatementFormat format,
            String account,
            String statementRef,
            String currency,
            MinorAmount opening,
            MinorAmount closing,
            LocalDate statementDate) {
        this(format, account, statementRef, currency, opening, closing, statementDate, 1);
    }

    /** Opening balance plus the entries equals the closing balance (or there are no balances to check); overflow-safe. */
    public boolean addsUp(java.math.BigInteger entriesTotalMinor) {
        return opening == null
                || closing == null
                || java.math.BigInteger.valueOf(opening.amount())
                        .add(entriesTotalMinor)
                        .equals(java.math.BigInteger.valueOf(closing.amount()));
    }
}
