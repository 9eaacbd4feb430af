package com.kakehashi.webhook.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "kakehashi.webhooks")
public interface WebhookConfig {
    /** Plain http to localhost is accepted (demo and tests); everywhere else https only. */
    @WithDefault("false")
    boolean allowHttpLoopback();

    /** How often the worker looks for due deliveries ("off" in tests, which run it by hand). */
    @WithDefault("2s")
    String dispatchEvery();

    /** How often each instance re-reads who subscribes at all (SubscriberIndex); "off" in tests (one instance). */
    @WithDefault("5s")
    String subscriberRefreshEvery();

    /** Deliveries one worker run claims at most: the bound on its work and on its memory. */
    @WithDefault("50")
    int batchSize();

    /** A claimed delivery whose worker died becomes claimable again after this. */
    @WithDefault("PT60S")
    Duration lease();

    @WithDefault("PT10S")
    Duration requestTimeout();

    @WithDefault("PT30S")
    Duration firstRetryAfter();

    @WithDefault("PT2H")
    Duration longestRetryWait();

    @WithDefault("PT24H")
    Duration giveUpAfter();
}
