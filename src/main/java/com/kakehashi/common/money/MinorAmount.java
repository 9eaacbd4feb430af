package com.kakehashi.common.money;

import javax.money.CurrencyUnit;

/**
 * An amount in minor units of a currency (yen, fen), for set-based work that moves millions of rows where a
 * Moneta {@code Money} per row would cost too much: currency-checked, overflow-checked, nothing rounded.
 */
public record MinorAmount(long minor, CurrencyUnit currency) {
    public MinorAmount {
        if (currency == null) {
            throw new IllegalArgumentException("an amount has a currency");
        }
    }

    public static MinorAmount zero(CurrencyUnit currency) {
        return new MinorAmount(0, currency);
    }

    public static MinorAmount of(long minor, String currencyCode) {
        return new MinorAmount(minor, Currencies.supported(currencyCode));
    }

    public MinorAmount add(MinorAmount other) {
        requireSameCurrency(other);
        return new MinorAmount(Math.addExact(minor, other.minor), currency);
    }

    public MinorAmount subtract(MinorAmount other) {
        requireSameCurrency(other);
        return new MinorAmount(Math.subtractExact(minor, other.minor), currency);
    }

    public boolean isPositive() {
        return minor > 0;
    }

    private void requireSameCurrency(MinorAmount other) {
        if (!currency.getCurrencyCode().equals(other.currency.getCurrencyCode())) {
            throw new IllegalArgumentException("currency mismatch: " + currency.getCurrencyCode() + " and "
                    + other.currency.getCurrencyCode());
        }
    }
}
