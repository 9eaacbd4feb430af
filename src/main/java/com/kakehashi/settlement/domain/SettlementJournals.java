package com.kakehashi.settlement.domain;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.ledger.domain.JournalEntry;
import com.kakehashi.ledger.domain.JournalType;
import com.kakehashi.ledger.domain.LedgerAccounts;
import com.kakehashi.ledger.domain.Posting;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.javamoney.moneta.Money;

/**
 * The payout journal of a batch: each paid merchant's payable gives up net plus fee; the fee goes to
 * fee income and the net to the bank's clearing account (money on its way out through that bank).
 */
public final class SettlementJournals {
    private SettlementJournals() {}

    /** Every payout must be in the batch's currency ({@code payout}'s): a merchant of another currency is refused. */
    public static JournalEntry payout(
            UUID journalId, UUID batchId, String bankId, MinorAmount payout, List<SettlementItem> payouts, Instant at) {
        String currency = payout.currencyCode();
        List<Posting> postings = new ArrayList<>();
        for (SettlementItem item : payouts) {
            MerchantNetting n = item.netting();
            n.netAmount().requireSameCurrency(payout);
            postings.add(Posting.debit(item.merchantId(), money(n.netAmount().plus(n.feeAmount()))));
            postings.add(Posting.credit(LedgerAccounts.bankClearing(bankId, currency), money(n.netAmount())));
            if (n.feeAmount().isPositive()) {
                postings.add(Posting.credit(LedgerAccounts.feeIncome(currency), money(n.feeAmount())));
            }
        }
        return new JournalEntry(journalId, JournalType.SETTLEMENT, batchId.toString(), at, postings);
    }

    /**
     * A returned payout: the money the bank sent back leaves the bank's clearing account and is owed to the
     * merchant again (its payable is credited), so the next payout or an operator can pay it. The fee stays earned.
     * Reference: the payout's end-to-end id.
     */
    public static JournalEntry returned(
            UUID journalId,
            String bankId,
            UUID merchantId,
            String endToEndId,
            com.kakehashi.common.money.MinorAmount amount,
            Instant at) {
        var unit = amount.currency();
        return new JournalEntry(
                journalId,
                JournalType.SETTLEMENT_RETURN,
                endToEndId,
                at,
                List.of(
                        Posting.debit(
                                LedgerAccounts.bankClearing(bankId, unit.getCurrencyCode()),
                                minor(amount.amount(), unit)),
                        Posting.credit(merchantId, minor(amount.amount(), unit))));
    }

    /** The batch total must equal what the journal moves into the bank's clearing account. */
    public static void requireTotal(JournalEntry journal, String bankId, MinorAmount payout) {
        UUID clearing = LedgerAccounts.bankClearing(bankId, payout.currencyCode());
        BigDecimal posted = journal.postings().stream()
                .filter(p -> p.accountId().equals(clearing))
                .map(p -> p.amount().getNumberStripped())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (posted.compareTo(payout.decimal()) != 0) {
            throw new IllegalStateException("batch total " + payout + " but the journal posts " + posted);
        }
    }

    private static Money money(MinorAmount amount) {
        return minor(amount.amount(), amount.currency());
    }

    private static Money minor(long amount, javax.money.CurrencyUnit unit) {
        return Money.of(BigDecimal.valueOf(amount, unit.getDefaultFractionDigits()), unit);
    }
}
