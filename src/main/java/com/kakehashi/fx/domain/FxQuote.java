package com.kakehashi.fx.domain;

import java.math.BigDecimal;
import java.util.Objects;
import org.javamoney.moneta.Money;

/**
 * A priced conversion: the merchant's price, the wallet's charge, the all-in rate applied
 * (charge currency per unit of price currency, spread included), the spread, and the rate's source.
 */
public record FxQuote(Money price, Money charge, BigDecimal rate, BigDecimal spread, String source) {
    public FxQuote {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(charge, "charge");
        if (rate.signum() <= 0 || spread.signum() < 0) {
            throw new IllegalArgumentException("rate must be positive and spread not negative");
        }
    }
}
