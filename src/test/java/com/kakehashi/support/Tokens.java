package com.kakehashi.support;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;

/** Bearer tokens signed with the test key, for any subject and roles. */
public final class Tokens {
    private static final String ISSUER = "https://kakehashi.example/demo";

    private Tokens() {}

    public static String token(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(roles))
                .expiresIn(Duration.ofHours(1))
                .sign();
    }

    /** A traveller whose token carries a customer tier claim. */
    public static String travellerOfTier(String subject, String tier) {
        return "Bearer "
                + Jwt.issuer(ISSUER)
                        .subject(subject)
                        .upn(subject)
                        .groups(Set.of("traveller"))
                        .claim("tier", tier)
                        .expiresIn(Duration.ofHours(1))
                        .sign();
    }

    public static String bearer(String subject, String... roles) {
        return "Bearer " + token(subject, roles);
    }

    public static String operator() {
        return bearer("ops-" + System.nanoTime(), "operator");
    }
}
