package com.kakehashi.ledger.domain;

import java.time.Instant;
import java.util.List;

/**
 * One run of the ledger self-check: how much it looked at and what did not hold. A journal that does not sum to zero
 * in a currency, or a wallet whose stored balance is not the sum of its postings, is a discrepancy; the lists hold the
 * first few (ordered by id) and the totals count all of them.
 */
public record LedgerCheckResult(
        Scope scope,
        Instant checkedAt,
        Instant journalsFrom,
        long journalsChecked,
        long walletsChecked,
        List<UnbalancedJournal> unbalancedJournals,
        long unbalancedJournalsTotal,
        List<WalletMismatch> walletMismatches,
        long walletMismatchesTotal) {

    public enum Scope {
        /** Journals since the cursor (less an overlap for late commits), the wallets they touched, known offenders. */
        INCREMENTAL,
        /** Every journal and every wallet. */
        FULL
    }

    /** A journal whose postings in {@code currency} sum to {@code residueMinor}, not zero. */
    public record UnbalancedJournal(String journalId, String currency, long residueMinor) {}

    /** A wallet whose stored balance is not what its postings add up to. */
    public record WalletMismatch(String walletId, long balanceMinor, long postedMinor) {}

    public LedgerCheckResult {
        unbalancedJournals = List.copyOf(unbalancedJournals);
        walletMismatches = List.copyOf(walletMismatches);
        if (unbalancedJournalsTotal < unbalancedJournals.size() || walletMismatchesTotal < walletMismatches.size()) {
            throw new IllegalArgumentException("a total below the listed discrepancies");
        }
    }

    public boolean clean() {
        return unbalancedJournalsTotal == 0 && walletMismatchesTotal == 0;
    }

    /** One line for the log and the health check: the totals and the first offending ids. */
    public String summary() {
        if (clean()) {
            return scope + " ledger check clean: " + journalsChecked + " journals, " + walletsChecked + " wallets";
        }
        return scope + " ledger check found " + unbalancedJournalsTotal + " unbalanced journal(s) "
                + unbalancedJournals.stream().map(UnbalancedJournal::journalId).toList() + " and "
                + walletMismatchesTotal + " wallet(s) off their postings "
                + walletMismatches.stream().map(WalletMismatch::walletId).toList();
    }
}
