package com.kakehashi.wallet.domain;

import com.kakehashi.common.error.ErrorCode;
import java.time.LocalDate;
import java.util.Optional;
import org.javamoney.moneta.Money;

/**
 * May this wallet be charged this much today? The database applies the same rules atomically
 * when it charges; this function names the rule that refused, for quotes and for explaining a
 * refused charge.
 */
public final class SpendingPolicy {
    private SpendingPolicy() {}

    public static Optional<ErrorCode> refusal(Wallet wallet, Money charge, LocalDate today) {
        if (wallet.status() != WalletStatus.ACTIVE) {
            return Optional.of(ErrorCode.WALLET_NOT_ACTIVE);
        }
        if (!wallet.currency().equals(charge.getCurrency())) {
            return Optional.of(ErrorCode.CURRENCY_MISMATCH);
        }
        if (charge.isGreaterThan(wallet.limits().perPayment())) {
            return Optional.of(ErrorCode.PER_PAYMENT_LIMIT_EXCEEDED);
        }
        if (wallet.spentOn(today).add(charge).isGreaterThan(wallet.limits().dailySpend())) {
            return Optional.of(ErrorCode.DAILY_LIMIT_EXCEEDED);
        }
        if (charge.isGreaterThan(wallet.balance())) {
            return Optional.of(ErrorCode.INSUFFICIENT_FUNDS);
        }
        return Optional.empty();
    }

    /**
     * May a top-up of this amount be asked for, with {@code pending} already asked for and not yet
     * answered by the bank? Pending top-ups count: each may still be credited, and a confirmed top-up
     * is always credited.
     */
    public static Optional<ErrorCode> topUpRefusal(Wallet wallet, Money pending, Money amount) {
        if (wallet.status() != WalletStatus.ACTIVE) {
            return Optional.of(ErrorCode.WALLET_NOT_ACTIVE);
        }
        if (!wallet.currency().equals(amount.getCurrency())) {
            return Optional.of(ErrorCode.CURRENCY_MISMATCH);
        }
        if (wallet.balance()
                .add(pending)
                .add(amount)
                .isGreaterThan(wallet.limits().maxBalance())) {
            return Optional.of(ErrorCode.MAX_BALANCE_EXCEEDED);
        }
        return Optional.empty();
    }
}
