package com.kakehashi.payment.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "kakehashi.quote")
public interface QuoteConfig {
    /** How long a quote's price and rate hold. */
    @WithDefault("PT60S")
    Duration timeToLive();
}
