package com.kakehashi.fx.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.security.Caller;
import com.kakehashi.fx.domain.CorridorTerms;
import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.CustomerPricing;
import com.kakehashi.fx.domain.FxQuote;
import com.kakehashi.fx.domain.ResolvedRate;
import com.kakehashi.fx.domain.Staleness;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import javax.money.CurrencyUnit;
import org.javamoney.moneta.Money;

/**
 * Prices payments for customers: a fresh mid rate for the pair, the corridor's spread and fee, the
 * documented formula ({@link CustomerPricing}). Same-currency payments convert at exactly 1 with no
 * spread or fee. A missing or stale rate refuses the quote; it is never guessed.
 */
@ApplicationScoped
public class Pricing {
    @Inject
    FxRates rates;

    @Inject
    FxConfig config;

    private final Counter staleRefusals;
    private final Counter unavailableRefusals;

    @Inject
    Pricing(MeterRegistry meters) {
        this.staleRefusals = meters.counter("kakehashi.fx.quotes.refused", "reason", "stale");
        this.unavailableRefusals = meters.counter("kakehashi.fx.quotes.refused", "reason", "unavailable");
    }

    /** For CDI's proxy only. */
    protected Pricing() {
        this.staleRefusals = null;
        this.unavailableRefusals = null;
    }

    /** Merchant price -> wallet charge, for a customer of the standard tier. */
    public FxQuote priceToCharge(Money price, CurrencyUnit chargeCurrency, Instant at) {
        return priceToCharge(price, chargeCurrency, at, Caller.STANDARD_TIER);
    }

    /** Merchant price -> wallet charge, with the corridor's spread for the customer's tier. */
    public FxQuote priceToCharge(Money price, CurrencyUnit chargeCurrency, Instant at, String tier) {
        CorridorTerms terms = terms(chargeCurrency, price.getCurrency(), tier);
        return CustomerPricing.priceToCharge(
                price, chargeCurrency, freshRate(price.getCurrency(), chargeCurrency, at), terms, at);
    }

    /** Wallet budget -> the merchant price it buys (and its exact charge, never above the budget). */
    public FxQuote budgetToPrice(Money budget, CurrencyUnit priceCurrency, Instant at, String tier) {
        CorridorTerms terms = terms(budget.getCurrency(), priceCurrency, tier);
        ResolvedRate rate = freshRate(priceCurrency, budget.getCurrency(), at);
        try {
            return CustomerPricing.budgetToPrice(budget, priceCurrency, rate, terms, at);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(
                    ErrorCode.FX_BUDGET_TOO_SMALL,
                    budget.getNumberStripped().toPlainString() + " " + budget.getCurrency() + " does not buy any "
                            + priceCurrency + " after fees");
        }
    }

    /** Today's customer rate for the corridor (charge currency per unit of price currency), for refunds at market. */
    public BigDecimal customerRate(CurrencyUnit priceCurrency, CurrencyUnit chargeCurrency, Instant at) {
        CorridorTerms terms = terms(chargeCurrency, priceCurrency, Caller.STANDARD_TIER);
        return CustomerPricing.customerRate(
                freshRate(priceCurrency, chargeCurrency, at).mid(), terms.spreadBps());
    }

    public Duration maxAge(CurrencyPair pair) {
        return config.maxAgeByPair().getOrDefault(pair.base() + "-" + pair.quote(), config.maxAge());
    }

    private ResolvedRate freshRate(CurrencyUnit priceCurrency, CurrencyUnit chargeCurrency, Instant at) {
        CurrencyPair pair = new CurrencyPair(priceCurrency.getCurrencyCode(), chargeCurrency.getCurrencyCode());
        ResolvedRate rate;
        try {
            rate = rates.resolve(pair, at);
        } catch (BusinessException e) {
            unavailableRefusals.increment();
            throw e;
        }
        Duration maxAge = maxAge(pair);
        if (Staleness.isStale(rate, at, maxAge)) {
            staleRefusals.increment();
            throw new BusinessException(
                    ErrorCode.FX_RATE_STALE,
                    "The " + pair + " rate (" + rate.source() + ", "
                            + rate.path().describe() + ") dates from " + rate.validFrom() + ", older than the " + maxAge
                            + " allowed");
        }
        return rate;
    }

    /** The corridor's terms; a cross-currency corridor must be configured to be offered at all. */
    CorridorTerms terms(CurrencyUnit walletCurrency, CurrencyUnit merchantCurrency, String tier) {
        if (walletCurrency.equals(merchantCurrency)) {
            return CorridorTerms.NONE;
        }
        String key = walletCurrency.getCurrencyCode() + "-" + merchantCurrency.getCurrencyCode();
        FxConfig.Corridor corridor = config.corridors().get(key);
        if (corridor == null) {
            throw new BusinessException(
                    ErrorCode.FX_CORRIDOR_NOT_OFFERED,
                    "No corridor " + key + " is configured (kakehashi.fx.corridors." + key + ")");
        }
        if (corridor.fee().stripTrailingZeros().scale() > walletCurrency.getDefaultFractionDigits()) {
            throw new IllegalStateException("corridor " + key + " fee has more decimals than " + walletCurrency);
        }
        return new CorridorTerms(corridor.tierSpreadBps().getOrDefault(tier, corridor.spreadBps()), corridor.fee());
    }
}
