package com.kakehashi.webhook.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The key webhook signing secrets are encrypted with (docs/webhooks.md). Required in production
 * ({@code KAKEHASHI_WEBHOOK_SECRET_KEY}); fixed values in the test, dev, demo and bench profiles.
 */
@ConfigMapping(prefix = "kakehashi.webhook")
public interface WebhookSecretConfig {
    /** Base64 of 32 random bytes (AES-256). */
    String secretKey();

    /** The version stored beside every secret this key seals; raise it when the key changes. */
    @WithDefault("1")
    int secretKeyVersion();

    /** The key before the current one, kept while start-up re-seals the secrets it sealed. */
    Optional<String> previousSecretKey();

    Optional<Integer> previousSecretKeyVersion();
}
