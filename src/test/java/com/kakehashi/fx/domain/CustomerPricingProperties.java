package com.kakehashi.fx.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.javamoney.moneta.Money;

/** The charge formula against an independent BigDecimal computation, for random prices, rates and spreads. */
class CustomerPricingProperties {
    private static final CurrencyUnit JPY = Monetary.getCurrency("JPY");
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

    private static ResolvedRate cnyJpy(BigDecimal mid) {
        FxRate stored = new FxRate(CurrencyPair.of("CNY", "JPY"), mid, null, null, "test", NOW, NOW);
        return new ResolvedRate(stored.pair(), mid, new RatePath(RatePath.Kind.DIRECT, null, List.of(stored)));
    }

    /** 1 CNY between 0.0001 and 999.9999 JPY, four decimals. */
    private static BigDecimal mid(long tenThousandths) {
        return BigDecimal.valueOf(tenThousandths, 4);
    }

    @Property(tries = 2000)
    void theChargeIsThePriceAtMidPlusSpreadRoundedUpToTheYenPlusTheFee(
            @ForAll @LongRange(min = 1, max = 1_000_000_00L) long priceFen,
            @ForAll @LongRange(min = 1, max = 9_999_999) long midTenThousandths,
            @ForAll @IntRange(min = 0, max = 500) int spreadBps,
            @ForAll @IntRange(min = 0, max = 300) int feeYen) {
        BigDecimal price = BigDecimal.valueOf(priceFen, 2);
        BigDecimal mid = mid(midTenThousandths);
        FxQuote quote = CustomerPricing.priceToCharge(
                Money.of(price, CNY), JPY, cnyJpy(mid), new CorridorTerms(spreadBps, BigDecimal.valueOf(feeYen)), NOW);

        // Independent: charge = ceil(price * mid * (1 + s/10000)) + fee, all in exact decimals.
        BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(spreadBps).movePointLeft(4));
        BigDecimal expected = price.multiply(mid)
                .multiply(factor)
                .setScale(0, RoundingMode.CEILING)
                .add(BigDecimal.valueOf(feeYen));

        assertThat(quote.charge().getNumberStripped()).isEqualByComparingTo(expected);
        assertThat(quote.price().getNumberStripped()).isEqualByComparingTo(price);
        assertThat(quote.fee().getNumberStripped()).isEqualByComparingTo(BigDecimal.valueOf(feeYen));
        assertThat(quote.spreadBps()).isEqualTo(spreadBps);
        assertThat(quote.customerRate()).isEqualByComparingTo(mid.multiply(factor));
        assertThat(decimals(quote.charge())).isLessThanOrEqualTo(0);
        assertThat(decimals(quote.price())).isLessThanOrEqualTo(2);
    }

    @Property(tries = 2000)
    void aYenBudgetBuysTheLargestPriceWhoseChargeStaysWithinIt(
            @ForAll @LongRange(min = 1, max = 10_000_000) long budgetYen,
            @ForAll @LongRange(min = 1_0000, max = 999_9999) long midTenThousandths,
            @ForAll @IntRange(min = 0, max = 500) int spreadBps,
            @ForAll @IntRange(min = 0, max = 300) int feeYen) {
        BigDecimal mid = mid(midTenThousandths);
        CorridorTerms terms = new CorridorTerms(spreadBps, BigDecimal.valueOf(feeYen));
        BigDecimal customerRate =
                mid.multiply(BigDecimal.ONE.add(BigDecimal.valueOf(spreadBps).movePointLeft(4)));
        BigDecimal spendable = BigDecimal.valueOf(budgetYen - feeYen);
        BigDecimal expectedPrice =
                spendable.signum() <= 0 ? BigDecimal.ZERO : spendable.divide(customerRate, 2, RoundingMode.FLOOR);
        if (expectedPrice.signum() <= 0) {
            return; // the budget buys nothing: refused, covered by the example tests
        }
        FxQuote quote = CustomerPricing.budgetToPrice(Money.of(budgetYen, JPY), CNY, cnyJpy(mid), terms, NOW);

        assertThat(quote.price().getNumberStripped()).isEqualByComparingTo(expectedPrice);
        assertThat(quote.charge().getNumberStripped()).isLessThanOrEqualTo(BigDecimal.valueOf(budgetYen));
        BigDecimal oneFenMore = expectedPrice
                .add(new BigDecimal("0.01"))
                .multiply(customerRate)
                .setScale(0, RoundingMode.CEILING)
                .add(BigDecimal.valueOf(feeYen));
        assertThat(oneFenMore).isGreaterThan(BigDecimal.valueOf(budgetYen));
        assertThat(decimals(quote.price())).isLessThanOrEqualTo(2);
        assertThat(decimals(quote.charge())).isLessThanOrEqualTo(0);
    }

    @Property(tries = 1000)
    void indicativeConversionsNeverCarryMoreDecimalsThanTheTargetCurrency(
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long yen,
            @ForAll @LongRange(min = 1, max = 9_999_999) long midTenThousandths) {
        RateBook book = new RateBook();
        book.add(new FxRate(CurrencyPair.of("CNY", "JPY"), mid(midTenThousandths), null, null, "t", NOW, NOW));
        ConversionEngine engine = new ConversionEngine(new RateResolver(book, List.of()));
        Money cny = engine.convert(Money.of(yen, JPY), CNY, NOW).orElseThrow().amount();
        assertThat(decimals(cny)).isLessThanOrEqualTo(2);
        BigDecimal expected = BigDecimal.valueOf(yen)
                .multiply(BigDecimal.ONE.divide(mid(midTenThousandths), FxRounding.RATE_INVERSION))
                .setScale(2, RoundingMode.HALF_EVEN);
        assertThat(cny.getNumberStripped()).isEqualByComparingTo(expected);
    }

    private static int decimals(Money money) {
        return Math.max(0, money.getNumberStripped().scale());
    }
}
