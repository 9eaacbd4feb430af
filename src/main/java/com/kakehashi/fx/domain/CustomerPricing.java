package com.kakehashi.fx.domain;

import java.math.BigDecimal;
import java.time.Instant;
import javax.money.CurrencyUnit;
import org.javamoney.moneta.Money;

/**
 * The pricing formula, in both directions. With {@code mid} = charge currency per unit of price
 * currency and {@code s} the spread in basis points:
 *
 * <pre>
 *   customerRate = mid × (10000 + s) / 10000                       (exact)
 *   charge       = roundUp(price × customerRate, charge minor unit) + fee
 *   price        = roundDown((budget − fee) / customerRate, price minor unit)   (budget → price)
 * </pre>
 *
 * The merchant always receives its price exactly; only the yen side is rounded, once.
 */
public final class CustomerPricing {
    private static final BigDecimal BASIS_POINTS = BigDecimal.valueOf(10_000);

    private CustomerPricing() {}

    public static BigDecimal customerRate(BigDecimal mid, int spreadBps) {
        return mid.multiply(BigDecimal.valueOf(10_000L + spreadBps)).divide(BASIS_POINTS);
    }

    /** Merchant price -> yen charge. {@code rate} must be quoted as price currency / charge currency. */
    public static FxQuote priceToCharge(
            Money price, CurrencyUnit chargeCurrency, ResolvedRate rate, CorridorTerms terms, Instant quotedAt) {
        requireOrientation(rate, price.getCurrency(), chargeCurrency);
        BigDecimal customerRate = customerRate(rate.mid(), terms.spreadBps());
        BigDecimal converted = price.getNumberStripped()
                .multiply(customerRate)
                .setScale(chargeCurrency.getDefaultFractionDigits(), FxRounding.CUSTOMER_CHARGE_ROUNDING);
        Money fee = Money.of(terms.fixedFee(), chargeCurrency);
        return quote(price, Money.of(converted, chargeCurrency).add(fee), rate, customerRate, terms, fee, quotedAt);
    }

    /** Yen budget -> the largest merchant price whose charge (fee included) stays within the budget. */
    public static FxQuote budgetToPrice(
            Money budget, CurrencyUnit priceCurrency, ResolvedRate rate, CorridorTerms terms, Instant quotedAt) {
        requireOrientation(rate, priceCurrency, budget.getCurrency());
        BigDecimal customerRate = customerRate(rate.mid(), terms.spreadBps());
        BigDecimal spendable = budget.getNumberStripped().subtract(terms.fixedFee());
        if (spendable.signum() <= 0) {
            throw new IllegalArgumentException("the budget does not cover the fee");
        }
        BigDecimal price = spendable.divide(
                customerRate, priceCurrency.getDefaultFractionDigits(), FxRounding.FOREIGN_AMOUNT_ROUNDING);
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("the budget buys less than one minor unit");
        }
        return priceToCharge(Money.of(price, priceCurrency), budget.getCurrency(), rate, terms, quotedAt);
    }

    private static FxQuote quote(
            Money price,
            Money charge,
            ResolvedRate rate,
            BigDecimal customerRate,
            CorridorTerms terms,
            Money fee,
            Instant quotedAt) {
        Instant rateTime = rate.path().legs().isEmpty() ? quotedAt : rate.validFrom();
        return new FxQuote(
                price,
                charge,
                rate.mid(),
                customerRate,
                terms.spreadBps(),
                fee,
                rate.source(),
                rateTime,
                rate.path().describe());
    }

    private static void requireOrientation(ResolvedRate rate, CurrencyUnit priceCurrency, CurrencyUnit chargeCurrency) {
        if (!rate.pair().equals(new CurrencyPair(priceCurrency.getCurrencyCode(), chargeCurrency.getCurrencyCode()))) {
            throw new IllegalArgumentException(
                    "rate " + rate.pair() + " does not price " + priceCurrency + " in " + chargeCurrency);
        }
    }
}
