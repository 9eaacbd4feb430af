package com.kakehashi.fx.infra;

import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.RateResolver;
import com.kakehashi.fx.domain.ResolvedRate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import javax.money.convert.ConversionContext;
import javax.money.convert.ConversionContextBuilder;
import javax.money.convert.ConversionQuery;
import javax.money.convert.CurrencyConversionException;
import javax.money.convert.ExchangeRate;
import javax.money.convert.ProviderContext;
import javax.money.convert.ProviderContextBuilder;
import javax.money.convert.RateType;
import org.javamoney.moneta.convert.ExchangeRateBuilder;
import org.javamoney.moneta.spi.AbstractRateProvider;
import org.javamoney.moneta.spi.DefaultNumberValue;

/**
 * The rate store as a JSR-354 {@code ExchangeRateProvider} named {@value #NAME}. A query may carry the
 * point in time as an {@link Instant} (or LocalDateTime in UTC, ZonedDateTime, LocalDate = that day's
 * end in UTC); without one it answers for now. The answer's context names the path used
 * ({@code path}: DIRECT, INVERSE, CROSS via X), the {@code source} and {@code validFrom}.
 */
public class StoreRateProvider extends AbstractRateProvider {
    public static final String NAME = "KAKEHASHI";
    static final ProviderContext CONTEXT = ProviderContextBuilder.of(NAME, RateType.DEFERRED, RateType.HISTORIC)
            .set("providerDescription", "Kakehashi rate store (PostgreSQL, in-memory book)")
            .build();

    private final Supplier<RateResolver> resolver;
    private final Supplier<Instant> now;

    public StoreRateProvider(Supplier<RateResolver> resolver, Supplier<Instant> now) {
        super(CONTEXT);
        this.resolver = resolver;
        this.now = now;
    }

    @Override
    public ExchangeRate getExchangeRate(ConversionQuery query) {
        RateResolver current = resolver.get();
        if (current == null || query.getBaseCurrency() == null || query.getCurrency() == null) {
            return null;
        }
        CurrencyPair pair = new CurrencyPair(
                query.getBaseCurrency().getCurrencyCode(), query.getCurrency().getCurrencyCode());
        Optional<ResolvedRate> rate = current.resolve(pair, pointInTime(query));
        return rate.map(r -> new ExchangeRateBuilder(context(r))
                        .setBase(query.getBaseCurrency())
                        .setTerm(query.getCurrency())
                        .setFactor(DefaultNumberValue.of(r.mid()))
                        .build())
                .orElseThrow(() -> new CurrencyConversionException(
                        query.getBaseCurrency(),
                        query.getCurrency(),
                        null,
                        "no " + pair + " rate in the Kakehashi store at " + pointInTime(query)));
    }

    @Override
    public boolean isAvailable(ConversionQuery query) {
        RateResolver current = resolver.get();
        return current != null
                && query.getBaseCurrency() != null
                && query.getCurrency() != null
                && current.resolve(
                                new CurrencyPair(
                                        query.getBaseCurrency().getCurrencyCode(),
                                        query.getCurrency().getCurrencyCode()),
                                pointInTime(query))
                        .isPresent();
    }

    private Instant pointInTime(ConversionQuery query) {
        Instant instant = query.get(Instant.class);
        if (instant != null) {
            return instant;
        }
        ZonedDateTime zoned = query.get(ZonedDateTime.class);
        if (zoned != null) {
            return zoned.toInstant();
        }
        LocalDateTime local = query.get(LocalDateTime.class);
        if (local != null) {
            return local.toInstant(ZoneOffset.UTC);
        }
        LocalDate date = query.get(LocalDate.class);
        if (date != null) {
            return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1_000);
        }
        return now.get();
    }

    private static ConversionContext context(ResolvedRate rate) {
        return ConversionContextBuilder.create(CONTEXT, RateType.DEFERRED)
                .set("path", rate.path().describe())
                .set("source", rate.source())
                .set("validFrom", rate.validFrom().toString())
                .build();
    }
}
