package com.kakehashi.fx.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateResolverTest {
    private static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");
    private final RateBook book = new RateBook();
    private final RateResolver resolver = new RateResolver(book, List.of("USD", "EUR"));

    private static FxRate rate(String base, String quote, String mid, Instant validFrom) {
        return new FxRate(CurrencyPair.of(base, quote), new BigDecimal(mid), null, null, "test", validFrom, validFrom);
    }

    @Test
    void aStoredPairIsUsedDirectly() {
        book.add(rate("CNY", "JPY", "21.15", T0));
        ResolvedRate resolved = resolver.resolve(CurrencyPair.of("CNY", "JPY"), T0.plusSeconds(60))
                .orElseThrow();
        assertThat(resolved.mid()).isEqualByComparingTo("21.15");
        assertThat(resolved.path().describe()).isEqualTo("DIRECT");
    }

    @Test
    void theInverseOfAStoredPairIsOneOverItsRateTo20SignificantDigits() {
        book.add(rate("CNY", "JPY", "21.15", T0));
        ResolvedRate resolved =
                resolver.resolve(CurrencyPair.of("JPY", "CNY"), T0).orElseThrow();
        assertThat(resolved.path().kind()).isEqualTo(RatePath.Kind.INVERSE);
        assertThat(resolved.mid()).isEqualTo(BigDecimal.ONE.divide(new BigDecimal("21.15"), FxRounding.RATE_INVERSION));
        assertThat(resolved.mid().precision()).isEqualTo(20);
    }

    @Test
    void aCrossRateThroughUsdIsTheExactProductOfItsLegs() {
        book.add(rate("JPY", "USD", "0.0065", T0));
        book.add(rate("USD", "CNY", "7.2412", T0));
        ResolvedRate resolved =
                resolver.resolve(CurrencyPair.of("JPY", "CNY"), T0).orElseThrow();
        assertThat(resolved.path().describe()).isEqualTo("CROSS via USD");
        assertThat(resolved.path().legs()).hasSize(2);
        assertThat(resolved.mid()).isEqualTo(new BigDecimal("0.0065").multiply(new BigDecimal("7.2412")));
        // an amount on it is rounded once, at the end: 10000 JPY -> 470.678 CNY -> 470.68
        Money10000 conversion = new Money10000(resolved);
        assertThat(conversion.cny()).isEqualByComparingTo("470.68");
    }

    private record Money10000(ResolvedRate rate) {
        BigDecimal cny() {
            return BigDecimal.valueOf(10_000).multiply(rate.mid()).setScale(2, FxRounding.INDICATIVE_ROUNDING);
        }
    }

    @Test
    void aCrossRateMayUseInverseLegsAsTheEcbFeedRequires() {
        book.add(rate("EUR", "JPY", "161.20", T0));
        book.add(rate("EUR", "CNY", "7.5870", T0));
        ResolvedRate resolved =
                resolver.resolve(CurrencyPair.of("CNY", "JPY"), T0).orElseThrow();
        assertThat(resolved.path().describe()).isEqualTo("CROSS via EUR");
        BigDecimal cnyToEur = BigDecimal.ONE.divide(new BigDecimal("7.5870"), FxRounding.RATE_INVERSION);
        assertThat(resolved.mid()).isEqualTo(cnyToEur.multiply(new BigDecimal("161.20")));
        assertThat(resolved.mid().setScale(4, FxRounding.INDICATIVE_ROUNDING)).isEqualByComparingTo("21.2469");
    }

    @Test
    void theRateInForceAtAPointInTimeIsTheLatestPublishedBeforeIt() {
        book.add(rate("CNY", "JPY", "21.00", T0));
        book.add(rate("CNY", "JPY", "21.50", T0.plusSeconds(3600)));
        book.add(rate("CNY", "JPY", "22.00", T0.plusSeconds(7200)));
        CurrencyPair pair = CurrencyPair.of("CNY", "JPY");
        assertThat(resolver.resolve(pair, T0.minusSeconds(1))).isEmpty();
        assertThat(resolver.resolve(pair, T0).orElseThrow().mid()).isEqualByComparingTo("21.00");
        assertThat(resolver.resolve(pair, T0.plusSeconds(3599)).orElseThrow().mid())
                .isEqualByComparingTo("21.00");
        assertThat(resolver.resolve(pair, T0.plusSeconds(3600)).orElseThrow().mid())
                .isEqualByComparingTo("21.50");
        assertThat(resolver.resolve(pair, T0.plusSeconds(100_000)).orElseThrow().mid())
                .isEqualByComparingTo("22.00");
    }

    @Test
    void whenBothDirectionsAreStoredTheMoreRecentPublicationWins() {
        book.add(rate("CNY", "JPY", "21.00", T0));
        book.add(rate("JPY", "CNY", "0.05", T0.plusSeconds(60)));
        ResolvedRate resolved = resolver.resolve(CurrencyPair.of("CNY", "JPY"), T0.plusSeconds(120))
                .orElseThrow();
        assertThat(resolved.path().kind()).isEqualTo(RatePath.Kind.INVERSE);
        assertThat(resolved.mid()).isEqualByComparingTo("20");
    }

    @Test
    void aPairWithNoPathHasNoRate() {
        book.add(rate("EUR", "JPY", "161.20", T0));
        assertThat(resolver.resolve(CurrencyPair.of("CNY", "JPY"), T0)).isEmpty();
    }

    @Test
    void aCurrencyConvertsToItselfAtExactlyOne() {
        ResolvedRate resolved =
                resolver.resolve(CurrencyPair.of("JPY", "JPY"), T0).orElseThrow();
        assertThat(resolved.mid()).isEqualByComparingTo("1");
        assertThat(resolved.path().kind()).isEqualTo(RatePath.Kind.IDENTITY);
    }

    @Test
    void aCrossRateIsAsStaleAsItsOldestLeg() {
        book.add(rate("EUR", "JPY", "161.20", T0));
        book.add(rate("EUR", "CNY", "7.5870", T0.minusSeconds(40 * 3600)));
        ResolvedRate resolved =
                resolver.resolve(CurrencyPair.of("CNY", "JPY"), T0).orElseThrow();
        assertThat(resolved.validFrom()).isEqualTo(T0.minusSeconds(40 * 3600));
        assertThat(Staleness.isStale(resolved, T0, java.time.Duration.ofHours(26)))
                .isTrue();
        assertThat(Staleness.isStale(resolved, T0, java.time.Duration.ofHours(48)))
                .isFalse();
    }
}
