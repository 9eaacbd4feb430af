package com.kakehashi.fx.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.ResolvedRate;
import com.kakehashi.fx.domain.Staleness;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether every offered corridor has a rate fresh enough to quote with: a metric per pair
 * ({@code kakehashi.fx.rate.age.seconds}, -1 when there is none) and the health group "fx"
 * ({@code /q/health/group/fx}), kept out of readiness so that yen-only payments go on when FX cannot.
 */
@ApplicationScoped
@HealthGroup("fx")
public class FxRateFreshness implements HealthCheck {
    @Inject
    FxRates rates;

    @Inject
    FxConfig config;

    @Inject
    Pricing pricing;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    void registerGauges(@Observes StartupEvent started) {
        for (CurrencyPair pair : pricedPairs()) {
            Gauge.builder(
                            "kakehashi.fx.rate.age.seconds",
                            () -> age(pair).map(Duration::toSeconds).orElse(-1L))
                    .tag("pair", pair.toString())
                    .description("Age of the rate that would price this pair now")
                    .register(meters);
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("fx-rates").up();
        for (CurrencyPair pair : pricedPairs()) {
            Optional<ResolvedRate> rate = resolve(pair);
            boolean fresh = rate.isPresent() && !Staleness.isStale(rate.get(), clock.instant(), pricing.maxAge(pair));
            response.withData(
                    pair.toString(),
                    rate.map(r -> (fresh ? "fresh" : "stale") + ", " + r.source() + ", "
                                    + r.path().describe() + ", from " + r.validFrom())
                            .orElse("no rate"));
            if (!fresh) {
                response.down();
            }
        }
        return response.build();
    }

    /** Corridors are wallet-merchant ("JPY-CNY"); their quotes price merchant currency in wallet currency. */
    private List<CurrencyPair> pricedPairs() {
        return config.corridors().keySet().stream()
                .map(key -> key.split("-"))
                .filter(parts -> parts.length == 2)
                .map(parts -> new CurrencyPair(parts[1], parts[0]))
                .toList();
    }

    private Optional<Duration> age(CurrencyPair pair) {
        return resolve(pair).map(rate -> Staleness.age(rate, clock.instant()));
    }

    private Optional<ResolvedRate> resolve(CurrencyPair pair) {
        try {
            return Optional.of(rates.resolve(pair, clock.instant()));
        } catch (BusinessException e) {
            return Optional.empty();
        }
    }
}
