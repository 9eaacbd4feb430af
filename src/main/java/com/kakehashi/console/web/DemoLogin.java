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
    public Response signInTheDemoOperator(@jakarta.ws.rs.core.Context io.vertx.core.http.HttpServerRequest http) {
        // As the demo tokens: inert unless the running profile is demo (or test), and for this machine only.
        var profiles = io.quarkus.runtime.configuration.ConfigUtils.getProfiles();
        if (!(profiles.contains("demo") || profiles.contains("test"))
                || http.remoteAddress() == null
                || !loopback(http.remoteAddress().host())) {
            return Response.status(404).build();
        }
        Instant expiresAt = Instant.now().plus(LIFETIME);
        String token = Jwt.issuer(issuer)
                .subject(config.demoOperator())
                .upn(config.demoOperator())
                .groups(Set.of(Roles.OPERATOR))
                .expiresAt(expiresAt)
                .sign();
        return cookies.signedIn(token, expiresAt.getEpochSecond(), "/console");
    }

    /** Only literal loopback addresses (a name is never resolved). */
    static boolean loopback(String host) {
        if (host == null || !host.matches("[0-9A-Fa-f:.\\[\\]]+")) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(host.replace("[", "").replace("]", ""))
                    .isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
