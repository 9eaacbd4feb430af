package com.kakehashi.fx.bench;

import com.kakehashi.fx.domain.ConversionEngine;
import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.FxRate;
import com.kakehashi.fx.domain.RateBook;
import com.kakehashi.fx.domain.RateResolver;
import com.kakehashi.fx.infra.SpiStoreRateProvider;
import com.kakehashi.fx.infra.StoreRateProvider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import javax.money.convert.MonetaryConversions;
import org.javamoney.moneta.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's conversion path (rate lookup in the in-memory book + one multiplication + the named
 * rounding) against Moneta's stock path over the same rates ({@code MonetaryConversions.getConversion}
 * per conversion, then the default rounding), one and two threads, in one run.
 *
 * <p>Run: {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench=FxConversionBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FxConversionBenchmark {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** A month of rates published every 5 minutes: the lookup searches a realistic history. */
    private static final int HISTORY = 12 * 24 * 30;

    private final CurrencyUnit jpy = Monetary.getCurrency("JPY");
    private ConversionEngine engine;
    private Money price;
    private Instant at;

    @Setup
    public void setUp() {
        RateBook book = new RateBook();
        List<FxRate> rates = new ArrayList<>();
        for (int i = 0; i < HISTORY; i++) {
            Instant validFrom = T0.plusSeconds(300L * i);
            BigDecimal mid = new BigDecimal("21.2469").add(BigDecimal.valueOf(i % 100, 4));
            rates.add(new FxRate(CurrencyPair.of("CNY", "JPY"), mid, null, null, "bench", validFrom, validFrom));
        }
        book.addAll(rates);
        RateResolver resolver = new RateResolver(book, List.of("USD", "EUR"));
        engine = new ConversionEngine(resolver);
        SpiStoreRateProvider.install(resolver);
        price = Money.of(new BigDecimal("128.50"), "CNY");
        at = T0.plusSeconds(300L * HISTORY);
    }

    private MonetaryAmount engineConversion() {
        return engine.convert(price, jpy, at).orElseThrow().amount();
    }

    private MonetaryAmount stockConversion() {
        return price.with(MonetaryConversions.getConversion(jpy, StoreRateProvider.NAME))
                .with(Monetary.getDefaultRounding());
    }

    @Benchmark
    @Threads(1)
    public MonetaryAmount engine1Thread() {
        return engineConversion();
    }

    @Benchmark
    @Threads(2)
    public MonetaryAmount engine2Threads() {
        return engineConversion();
    }

    @Benchmark
    @Threads(1)
    public MonetaryAmount stock1Thread() {
        return stockConversion();
    }

    @Benchmark
    @Threads(2)
    public MonetaryAmount stock2Threads() {
        return stockConversion();
    }
}
