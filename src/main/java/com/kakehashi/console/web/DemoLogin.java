package com.kakehashi.console.web;

import com.kakehashi.common.security.Roles;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo profile only (and the test build, which shares the demo key): signs the demo operator in with a demo-key
 * token and opens the console.
 */
@IfBuildProfile(anyOf = {"demo", "test"})
@Path("/console/demo-login")
@PermitAll
@Blocking
public class DemoLogin {
    private static final Duration LIFETIME = Duration.ofHours(12);

    @Inject
    SessionCookies cookies;
    @Inject
    ConsoleConfig config;
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @GET
    public Response signInTheDemoOperator() {
        Instant expiresAt = Instant.now().plus(LIFETIME);
        String token = Jwt.issuer(issuer).subject(config.demoOperator()).upn(config.demoOperator())
                .groups(Set.of(Roles.OPERATOR)).expiresAt(expiresAt).sign();
        return cookies.signedIn(token, expiresAt.getEpochSecond(), "/console");
    }
}
