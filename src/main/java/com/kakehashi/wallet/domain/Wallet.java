package com.kakehashi.wallet.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.money.CurrencyUnit;
import org.javamoney.moneta.Money;

/** A wallet as read: its balance, limits and what it has spent on its current spend day. */
public record Wallet(
        UUID id,
        String owner,
        CurrencyUnit currency,
        WalletStatus status,
        Money balance,
        WalletLimits limits,
        LocalDate spendDay,
        Money spentOnSpendDay,
        Instant createdAt) {

    /** What the wallet has spent on {@code day} (zero once the day has turned). */
    public Money spentOn(LocalDate day) {
        return day.equals(spendDay) ? spentOnSpendDay : Money.zero(currency);
    }
}
