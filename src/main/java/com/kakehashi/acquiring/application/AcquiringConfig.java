package com.kakehashi.acquiring.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "kakehashi.acquiring")
public interface AcquiringConfig {
    /** How long a user-presented payment code pays. */
    @WithDefault("PT60S")
    Duration paymentCodeTimeToLive();

    /** At most this many live codes per wallet; a new one retires the oldest. */
    @WithDefault("3")
    int maxLiveCodesPerWallet();

    /** HMAC key codes are hashed with before they are stored (a leaked table cannot be brute-forced offline). */
    String paymentCodeHashKey();

    /** The guard around each acquirer's resolve call: timeout, retries, breaker. */
    Resolve resolve();

    interface Resolve {
        @WithDefault("PT3S")
        Duration timeout();

        @WithDefault("2")
        int maxRetries();

        @WithDefault("PT0.2S")
        Duration retryDelay();

        /** Calls in the breaker's rolling window, and how long it stays open. */
        @WithDefault("10")
        int breakerWindow();

        @WithDefault("PT30S")
        Duration breakerDelay();
    }
}
