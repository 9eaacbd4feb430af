package com.kakehashi.common.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What a signed token must also be, beyond the signature, issuer and expiry SmallRye JWT checks:
 * a non-empty subject (ownership is decided by it), an issue time ({@code iat}) not in the future,
 * and a lifetime ({@code exp - iat}) of at most {@code kakehashi.security.max-token-lifetime}
 * (24 h), so a leaked token cannot be a standing credential.
 *
 * <p>Token times are compared with the real time, as the library's expiry check does, not with the
 * application clock that tests move.
 */
@ApplicationScoped
public class TokenPolicy implements SecurityIdentityAugmentor {
    @ConfigProperty(name = "kakehashi.security.max-token-lifetime", defaultValue = "PT24H")
    Duration maxLifetime;

    @ConfigProperty(name = "kakehashi.security.clock-skew", defaultValue = "PT60S")
    Duration clockSkew;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        String refusal = refusal(jwt.getSubject(), jwt.getIssuedAtTime(), jwt.getExpirationTime(), Instant.now());
        if (refusal != null) {
            return Uni.createFrom().failure(new AuthenticationFailedException(refusal));
        }
        return Uni.createFrom().item(identity);
    }

    /** Why a token with these claims (epoch seconds, 0 = absent) is refused, or null. */
    String refusal(String subject, long issuedAt, long expiresAt, Instant now) {
        if (subject == null || subject.isBlank()) {
            return "token has no subject";
        }
        if (issuedAt <= 0) {
            return "token has no issue time";
        }
        if (Instant.ofEpochSecond(issuedAt).isAfter(now.plus(clockSkew))) {
            return "token is issued in the future";
        }
        if (expiresAt - issuedAt > maxLifetime.toSeconds()) {
            return "token lives longer than " + maxLifetime;
        }
        return null;
    }
}
