package com.kakehashi.fx.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import javax.money.Monetary;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/** The worked example of docs/fx.md, figure by figure. */
class CustomerPricingTest {
    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    private static ResolvedRate cnyJpy(String mid) {
        FxRate stored = new FxRate(CurrencyPair.of("CNY", "JPY"), new BigDecimal(mid), null, null, "ECB", NOW, NOW);
        return new ResolvedRate(stored.pair(), stored.mid(), new RatePath(RatePath.Kind.DIRECT, null, List.of(stored)));
    }

    @Test
    void workedExampleOfDocsFx() {
        // A tea in Shanghai at 128.50 CNY; mid 1 CNY = 21.2469 JPY; spread 50 bps; fee 0.
        FxQuote quote = CustomerPricing.priceToCharge(
                Money.of(new BigDecimal("128.50"), "CNY"),
                Monetary.getCurrency("JPY"),
                cnyJpy("21.2469"),
                new CorridorTerms(50, BigDecimal.ZERO),
                NOW);
        assertThat(quote.customerRate()).isEqualByComparingTo("21.3531345"); // 21.2469 × 1.0050
        // 128.50 × 21.3531345 = 2743.87778325 -> rounded up to 2744 yen
        assertThat(quote.charge()).isEqualTo(Money.of(2744, "JPY"));
        assertThat(quote.price()).isEqualTo(Money.of(new BigDecimal("128.50"), "CNY"));
    }

    @Test
    void workedExampleWithAFixedFee() {
        FxQuote quote = CustomerPricing.priceToCharge(
                Money.of(new BigDecimal("128.50"), "CNY"),
                Monetary.getCurrency("JPY"),
                cnyJpy("21.2469"),
                new CorridorTerms(50, BigDecimal.valueOf(100)),
                NOW);
        assertThat(quote.charge()).isEqualTo(Money.of(2844, "JPY"));
        assertThat(quote.convertedCharge()).isEqualTo(Money.of(2744, "JPY"));
        assertThat(quote.fee()).isEqualTo(Money.of(100, "JPY"));
    }

    @Test
    void workedExampleBudgetToPrice() {
        // 3000 yen buy floor(3000 / 21.3531345, 2) = 140.49 CNY, which cost ceil(2999.9019) = 3000 yen.
        FxQuote quote = CustomerPricing.budgetToPrice(
                Money.of(3000, "JPY"),
                Monetary.getCurrency("CNY"),
                cnyJpy("21.2469"),
                new CorridorTerms(50, BigDecimal.ZERO),
                NOW);
        assertThat(quote.price()).isEqualTo(Money.of(new BigDecimal("140.49"), "CNY"));
        assertThat(quote.charge()).isEqualTo(Money.of(3000, "JPY"));
    }

    @Test
    void aBudgetThatDoesNotCoverTheFeeIsRefused() {
        assertThatThrownBy(() -> CustomerPricing.budgetToPrice(
                        Money.of(50, "JPY"),
                        Monetary.getCurrency("CNY"),
                        cnyJpy("21.2469"),
                        new CorridorTerms(50, BigDecimal.valueOf(100)),
                        NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRateForTheWrongPairIsRefused() {
        assertThatThrownBy(() -> CustomerPricing.priceToCharge(
                        Money.of(1, "USD"), Monetary.getCurrency("JPY"), cnyJpy("21.2469"), CorridorTerms.NONE, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
