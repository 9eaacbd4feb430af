package com.kakehashi.payment.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "kakehashi.quote")
public interface QuoteConfig {
    /** How long a quote's price and rate hold. */
    @WithDefault("PT60S")
    Duration timeToLive();

    /** The HMAC-SHA256 key quotes are sealed with (base64 of at least 32 bytes). Required in production. */
    String signingKey();

    /** The id written into every quote this key seals; change it with the key. */
    @WithDefault("1")
    String signingKeyId();

    /** The key before the current one: it still opens the quotes it sealed until they expire (rotation). */
    Optional<String> previousSigningKey();

    Optional<String> previousSigningKeyId();
}
