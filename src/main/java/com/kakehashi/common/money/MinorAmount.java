package com.kakehashi.common.money;

import java.math.BigDecimal;
import java.util.Objects;
import javax.money.CurrencyUnit;

/**
 * An amount in minor units of one currency (JPY yen, CNY fen): cheap enough for million-row streams,
 * currency-checked like {@code Money}. Arithmetic across currencies throws; sums never overflow silently.
 */
public record MinorAmount(long amount, CurrencyUnit currency) {
    public MinorAmount {
        Objects.requireNonNull(currency, "currency");
    }

    public static MinorAmount zero(CurrencyUnit currency) {
        return new MinorAmount(0, currency);
    }

    public static MinorAmount of(long amount, CurrencyUnit currency) {
        return new MinorAmount(amount, currency);
    }

    /** By ISO 4217 code (any currency the JDK knows, not only those Kakehashi quotes in). */
    public static MinorAmount of(long amount, String currencyCode) {
        return new MinorAmount(amount, javax.money.Monetary.getCurrency(currencyCode));
    }

    /** For a column or field that may be absent: null stays null. */
    public static MinorAmount ofNullable(Long amount, String currencyCode) {
        return amount == null ? null : of(amount, currencyCode);
    }

    /** An exact decimal in the currency's unit ("1500", "128.50"); finer than the minor unit is refused. */
    public static MinorAmount parse(String decimal, CurrencyUnit currency) {
        return new MinorAmount(
                new BigDecimal(decimal)
                        .movePointRight(currency.getDefaultFractionDigits())
                        .longValueExact(),
                currency);
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public MinorAmount plus(MinorAmount other) {
        requireSameCurrency(other);
        return new MinorAmount(Math.addExact(amount, other.amount), currency);
    }

    public MinorAmount minus(MinorAmount other) {
        requireSameCurrency(other);
        return new MinorAmount(Math.subtractExact(amount, other.amount), currency);
    }

    public MinorAmount negate() {
        return new MinorAmount(Math.negateExact(amount), currency);
    }

    public boolean isPositive() {
        return amount > 0;
    }

    public void requireSameCurrency(MinorAmount other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
    }

    /** The amount as a decimal in the currency's unit, for display and files. */
    public BigDecimal decimal() {
        return BigDecimal.valueOf(amount, currency.getDefaultFractionDigits());
    }

    @Override
    public String toString() {
        return decimal().toPlainString() + " " + currencyCode();
    }
}
