package com.kakehashi.webhook.application;

import com.kakehashi.webhook.domain.SecretCipher;
import com.kakehashi.webhook.domain.SecretCipher.Sealed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Seals and opens webhook signing secrets under the configured keys; a bad key configuration fails at once. */
@ApplicationScoped
public class WebhookSecrets {
    private final SecretCipher cipher;

    @Inject
    public WebhookSecrets(WebhookSecretConfig config) {
        this.cipher = cipherOf(config);
    }

    public Sealed seal(UUID subscriptionId, String secret) {
        return cipher.seal(subscriptionId.toString(), secret);
    }

    public String open(UUID subscriptionId, Sealed sealed) {
        return cipher.open(subscriptionId.toString(), sealed);
    }

    public int currentVersion() {
        return cipher.currentVersion();
    }

    static SecretCipher cipherOf(WebhookSecretConfig config) {
        Map<Integer, byte[]> keys = new HashMap<>();
        config.previousSecretKey()
                .ifPresent(previous -> keys.put(
                        config.previousSecretKeyVersion()
                                .orElseThrow(() -> new IllegalStateException(
                                        "kakehashi.webhook.previous-secret-key needs previous-secret-key-version")),
                        decode("previous-secret-key", previous)));
        keys.put(config.secretKeyVersion(), decode("secret-key", config.secretKey()));
        return new SecretCipher(config.secretKeyVersion(), keys);
    }

    private static byte[] decode(String name, String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("kakehashi.webhook." + name + " is not base64", e);
        }
    }
}
