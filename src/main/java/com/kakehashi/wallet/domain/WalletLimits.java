package com.kakehashi.wallet.domain;

import org.javamoney.moneta.Money;

/** A wallet's limits, in the wallet's currency. */
public record WalletLimits(Money maxBalance, Money perPayment, Money dailySpend) {}
