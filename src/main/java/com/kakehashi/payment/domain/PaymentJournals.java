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
 * The double-entry shape of payments and refunds. Wallet and merchant accounts share their owners'
 * ids. A cross-currency payment passes through the operator's FX position in both currencies, so
 * each currency balances on its own; a fee goes to fee income; a refund converted at another rate
 * than the payment books the difference to FX gain/loss.
 */
public final class PaymentJournals {
    private PaymentJournals() {}

    /** Capture: the wallet pays {@code charge} (fee included), the merchant is owed {@code price}. */
    public static JournalEntry capture(
            UUID journalId,
            UUID paymentId,
            UUID walletId,
            UUID merchantId,
            Money charge,
            Money fee,
            Money price,
            Instant at) {
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.debit(walletId, charge));
        if (!fee.isZero()) {
            postings.add(Posting.credit(LedgerAccounts.feeIncome(code(fee)), fee));
        }
        Money converted = charge.subtract(fee);
        if (sameCurrency(charge, price)) {
            postings.add(Posting.credit(merchantId, price));
        } else {
            postings.add(Posting.credit(LedgerAccounts.fxPosition(code(converted)), converted));
            postings.add(Posting.debit(LedgerAccounts.fxPosition(code(price)), price));
            postings.add(Posting.credit(merchantId, price));
        }
        return new JournalEntry(journalId, JournalType.PAYMENT, paymentId.toString(), at, postings);
    }

    /**
     * Refund of {@code price}: the FX position gives back {@code convertedAtOriginalRate} yen, the wallet
     * receives {@code returnedConverted} plus {@code feeReturned}; any gap between the two conversions is
     * FX gain (original > returned) or loss.
     */
    public static JournalEntry refund(
            UUID journalId,
            UUID refundId,
            UUID walletId,
            UUID merchantId,
            Money price,
            Money convertedAtOriginalRate,
            Money returnedConverted,
            Money feeReturned,
            Instant at) {
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.debit(merchantId, price));
        Money toWallet = returnedConverted.add(feeReturned);
        if (!toWallet.isZero()) {
            postings.add(Posting.credit(walletId, toWallet));
        }
        if (!feeReturned.isZero()) {
            postings.add(Posting.debit(LedgerAccounts.feeIncome(code(feeReturned)), feeReturned));
        }
        if (sameCurrency(price, returnedConverted)) {
            return new JournalEntry(journalId, JournalType.REFUND, refundId.toString(), at, postings);
        }
        postings.add(Posting.credit(LedgerAccounts.fxPosition(code(price)), price));
        // A tiny partial refund may convert to zero yen: then only the foreign-currency leg moves.
        if (!convertedAtOriginalRate.isZero()) {
            postings.add(
                    Posting.debit(LedgerAccounts.fxPosition(code(convertedAtOriginalRate)), convertedAtOriginalRate));
        }
        Money difference = convertedAtOriginalRate.subtract(returnedConverted);
        if (!difference.isZero()) {
            postings.add(
                    difference.isPositive()
                            ? Posting.credit(LedgerAccounts.fxGainLoss(code(difference)), difference)
                            : Posting.debit(LedgerAccounts.fxGainLoss(code(difference)), difference));
        }
        return new JournalEntry(journalId, JournalType.REFUND, refundId.toString(), at, postings);
    }

    private static boolean sameCurrency(Money a, Money b) {
        return a.getCurrency().equals(b.getCurrency());
    }

    private static String code(Money money) {
        return money.getCurrency().getCurrencyCode();
    }
}
