package com.kakehashi.fx.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import javax.money.CurrencyUnit;
import org.javamoney.moneta.Money;

/**
 * Converts amounts at mid: rate lookup, one multiplication, one named rounding to the target's minor
 * unit. Currencies, rounding and the rate book are resolved once, by the caller, never per conversion.
 */
public final class ConversionEngine {
    private final RateResolver resolver;

    public ConversionEngine(RateResolver resolver) {
        this.resolver = resolver;
    }

    public record Conversion(Money amount, ResolvedRate rate) {}

    /** Indicative conversion (no money moves), rounded {@link FxRounding#INDICATIVE_ROUNDING}. */
    public Optional<Conversion> convert(Money amount, CurrencyUnit term, Instant at) {
        return convert(amount, term, at, FxRounding.INDICATIVE_ROUNDING);
    }

    public Optional<Conversion> convert(Money amount, CurrencyUnit term, Instant at, RoundingMode rounding) {
        CurrencyPair pair = new CurrencyPair(amount.getCurrency().getCurrencyCode(), term.getCurrencyCode());
        return resolver.resolve(pair, at).map(rate -> new Conversion(apply(amount, term, rate, rounding), rate));
    }

    static Money apply(Money amount, CurrencyUnit term, ResolvedRate rate, RoundingMode rounding) {
        BigDecimal converted =
                amount.getNumberStripped().multiply(rate.mid()).setScale(term.getDefaultFractionDigits(), rounding);
        return Money.of(converted, term);
    }
}
