package com.kakehashi.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets at rest: AES-256-GCM, a random 96-bit nonce per secret, the key's version stored beside
 * the ciphertext so keys can rotate, and the subscription id as associated data so a ciphertext copied onto another
 * row does not open. A secret that does not open under its key (a wrong or missing key) throws; it is never
 * replaced by anything.
 */
public final class SecretCipher {
    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A secret as stored: which key sealed it, its nonce and the ciphertext (with the GCM tag). */
    public record Sealed(int keyVersion, byte[] nonce, byte[] ciphertext) {
        public Sealed {
            Objects.requireNonNull(nonce);
            Objects.requireNonNull(ciphertext);
            if (nonce.length != NONCE_BYTES) {
                throw new IllegalArgumentException("a nonce is " + NONCE_BYTES + " bytes, not " + nonce.length);
            }
        }
    }

    private final int currentVersion;
    private final Map<Integer, SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    /** @param keys every key that may have sealed a stored secret, by version; the current one seals new secrets */
    public SecretCipher(int currentVersion, Map<Integer, byte[]> keys) {
        if (!keys.containsKey(currentVersion)) {
            throw new IllegalArgumentException("no key of the current version " + currentVersion);
        }
        Map<Integer, SecretKeySpec> specs = new TreeMap<>();
        keys.forEach((version, key) -> {
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("webhook secret key version " + version + " is " + key.length
                        + " bytes; it must be " + KEY_BYTES + " (base64 of 32 random bytes)");
            }
            specs.put(version, new SecretKeySpec(key.clone(), "AES"));
        });
        this.currentVersion = currentVersion;
        this.keys = Map.copyOf(specs);
    }

    public int currentVersion() {
        return currentVersion;
    }

    public Sealed seal(String subscriptionId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentVersion), nonce, subscriptionId);
            return new Sealed(currentVersion, nonce, cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret; throws {@link UnreadableSecretException} when it does not open under the key it names. */
    public String open(String subscriptionId, Sealed sealed) {
        SecretKeySpec key = keys.get(sealed.keyVersion());
        if (key == null) {
            throw new UnreadableSecretException("The webhook secret of subscription " + subscriptionId
                    + " was sealed with key version " + sealed.keyVersion() + ", which is not configured");
        }
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE, key, sealed.nonce(), subscriptionId)
                    .doFinal(sealed.ciphertext());
            return new String(plain, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new UnreadableSecretException("The webhook secret of subscription " + subscriptionId
                    + " does not open under key version " + sealed.keyVersion()
                    + ": the configured kakehashi.webhook.secret-key is not the key it was sealed with");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, String subscriptionId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A stored secret that the configured keys cannot open: configuration is wrong, never silently recovered. */
    public static final class UnreadableSecretException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public UnreadableSecretException(String message) {
            super(message);
        }
    }
}
