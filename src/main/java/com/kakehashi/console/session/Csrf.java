package com.kakehashi.console.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Synchroniser tokens for console forms: an HMAC of the session token under a key drawn when the
 * application starts. A forged cross-site form cannot know it; the SameSite=Strict cookie is the second wall.
 */
final class Csrf {
    private static final String ALGORITHM = "HmacSHA256";
    private final byte[] key;

    Csrf() {
        this(new SecureRandom().generateSeed(32));
    }

    Csrf(byte[] key) {
        this.key = key.clone();
    }

    String tokenFor(String session) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    boolean matches(String session, String presented) {
        if (session == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(
                tokenFor(session).getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }
}
