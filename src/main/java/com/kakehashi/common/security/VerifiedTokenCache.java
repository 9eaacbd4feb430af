package com.kakehashi.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A verified token need not be verified again until it expires: an app sends the same bearer token with
 * every quote and payment, and an RS256 check costs more than the rest of the request's Java work.
 * Keyed by the token's SHA-256 (the token itself is not kept), bounded ({@link #MAX_ENTRIES}; past it the
 * cache starts over), and an entry is used only while the token is unexpired by the wall clock. Tokens
 * that fail verification are never cached, so every bad token is checked (and refused) in full.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokenCache extends JWTCallerPrincipalFactory {
    static final int MAX_ENTRIES = 50_000;

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final ConcurrentHashMap<String, JWTCallerPrincipal> verified = new ConcurrentHashMap<>();
    private final AtomicLong verifications = new AtomicLong();
    private final Clock clock = Clock.systemUTC();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        String key = sha256(token);
        JWTCallerPrincipal known = verified.get(key);
        long now = clock.instant().getEpochSecond();
        if (known != null && known.getExpirationTime() > now) {
            return known;
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        verifications.incrementAndGet();
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(key, principal);
        return principal;
    }

    /** How many tokens were verified in full (not answered from the cache). */
    public long verifications() {
        return verifications.get();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
