package com.kakehashi.fx.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.javamoney.moneta.Money;

/**
 * A priced conversion, every part shown separately: the merchant's {@code price}, the wallet's
 * {@code charge} (converted price plus {@code fee}), the market {@code midRate}, the {@code customerRate}
 * applied (charge currency per unit of price currency, spread included), the spread in basis points,
 * and where and when the rate came from.
 */
public record FxQuote(
        Money price,
        Money charge,
        BigDecimal midRate,
        BigDecimal customerRate,
        int spreadBps,
        Money fee,
        String rateSource,
        Instant rateTime,
        String ratePath) {

    public FxQuote {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(rateSource, "rateSource");
        Objects.requireNonNull(rateTime, "rateTime");
        if (midRate.signum() <= 0 || customerRate.signum() <= 0 || spreadBps < 0) {
            throw new IllegalArgumentException("rates must be positive and the spread not negative");
        }
        if (!fee.getCurrency().equals(charge.getCurrency()) || fee.isNegative()) {
            throw new IllegalArgumentException("the fee is a non-negative amount in the charge currency");
        }
    }

    /** The charge without the fee: what the FX conversion itself produced. */
    public Money convertedCharge() {
        return charge.subtract(fee);
    }
}
