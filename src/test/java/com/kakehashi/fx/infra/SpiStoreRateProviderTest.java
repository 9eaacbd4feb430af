package com.kakehashi.fx.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.FxRate;
import com.kakehashi.fx.domain.RateBook;
import com.kakehashi.fx.domain.RateResolver;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import javax.money.convert.ConversionQueryBuilder;
import javax.money.convert.ExchangeRateProvider;
import javax.money.convert.MonetaryConversions;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/** Moneta's own ServiceLoader finds the store's provider by name, and historic queries keep their date. */
class SpiStoreRateProviderTest {
    @Test
    void monetaFindsTheStoreThroughItsServiceLoaderAndConvertsAmounts() {
        RateBook book = new RateBook();
        Instant t0 = Instant.parse("2026-02-02T00:00:00Z");
        book.add(new FxRate(CurrencyPair.of("ZAR", "INR"), new BigDecimal("4.60"), null, null, "desk-z", t0, t0));
        book.add(new FxRate(
                CurrencyPair.of("ZAR", "INR"),
                new BigDecimal("4.80"),
                null,
                null,
                "desk-z",
                t0.plusSeconds(5 * 86_400),
                t0));
        SpiStoreRateProvider.install(new RateResolver(book, List.of()));

        ExchangeRateProvider viaSpi = MonetaryConversions.getExchangeRateProvider(StoreRateProvider.NAME);
        assertThat(viaSpi.getExchangeRate("ZAR", "INR").getFactor().numberValue(BigDecimal.class))
                .isEqualByComparingTo("4.8");
        MonetaryAmount inr = Money.of(100, "ZAR").with(viaSpi.getCurrencyConversion(Monetary.getCurrency("INR")));
        assertThat(inr.getNumber().numberValue(BigDecimal.class)).isEqualByComparingTo("480");
        assertThat(viaSpi.isAvailable("ZAR", "KES")).isFalse();

        // A historic query by date (Moneta's convention) is answered for that day, not for today.
        var historic = viaSpi.getExchangeRate(ConversionQueryBuilder.of()
                .setBaseCurrency("ZAR")
                .setTermCurrency("INR")
                .set(LocalDate.class, LocalDate.parse("2026-02-03"))
                .build());
        assertThat(historic.getFactor().numberValue(BigDecimal.class)).isEqualByComparingTo("4.6");
    }
}
