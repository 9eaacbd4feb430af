package com.kakehashi.fx.infra;

import com.kakehashi.fx.domain.RateResolver;
import java.time.Instant;

/**
 * The same provider for Moneta's {@code ServiceLoader}-based SPI ({@code MonetaryConversions
 * .getExchangeRateProvider("KAKEHASHI")}): the service loader needs a no-argument constructor, so
 * the running application hands it the live resolver once at start-up.
 */
public class SpiStoreRateProvider extends StoreRateProvider {
    private static volatile RateResolver installed;

    public SpiStoreRateProvider() {
        super(() -> installed, Instant::now);
    }

    public static void install(RateResolver resolver) {
        installed = resolver;
    }
}
