package com.kakehashi.payment.domain;

import com.kakehashi.ledger.domain.JournalEntry;
import com.kakehashi.ledger.domain.JournalType;
import com.kakehashi.ledger.domain.LedgerAccounts;
import com.kakehashi.ledger.domain.Posting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.javamoney.moneta.Money;

/**
 * The double-entry shape of payments and refunds. Wallet and merchant accounts share their
 * owners' ids. A cross-currency payment passes through the operator's FX position in both
 * currencies, so each currency balances on its own.
 */
public final class PaymentJournals {
    private PaymentJournals() {
    }

    public static JournalEntry capture(UUID journalId, UUID paymentId, UUID walletId, UUID merchantId, Money charge,
            Money price, Instant at) {
        return new JournalEntry(journalId, JournalType.PAYMENT, paymentId.toString(), at,
                movement(walletId, merchantId, charge, price));
    }

    public static JournalEntry refund(UUID journalId, UUID refundId, UUID walletId, UUID merchantId, Money charge,
            Money price, Instant at) {
        List<Posting> reversed = movement(walletId, merchantId, charge, price).stream()
                .map(p -> new Posting(p.accountId(), p.amount().negate())).toList();
        return new JournalEntry(journalId, JournalType.REFUND, refundId.toString(), at, reversed);
    }

    private static List<Posting> movement(UUID walletId, UUID merchantId, Money charge, Money price) {
        List<Posting> postings = new ArrayList<>();
        if (charge.getCurrency().equals(price.getCurrency())) {
            postings.add(Posting.debit(walletId, charge));
            postings.add(Posting.credit(merchantId, price));
            return postings;
        }
        // A tiny partial refund may round to zero yen: then only the foreign-currency leg moves.
        if (!charge.isZero()) {
            postings.add(Posting.debit(walletId, charge));
            postings.add(Posting.credit(LedgerAccounts.fxPosition(charge.getCurrency().getCurrencyCode()), charge));
        }
        postings.add(Posting.debit(LedgerAccounts.fxPosition(price.getCurrency().getCurrencyCode()), price));
        postings.add(Posting.credit(merchantId, price));
        return postings;
    }
}
