package com.kakehashi.demo;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.security.Roles;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Mints demo tokens signed with the demo key. Exists only in builds of the demo profile, answers only
 * when the runtime profile is demo too, and only to callers on this machine (loopback).
 */
@IfBuildProfile("demo")
@Path("/v1/demo/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Demo (demo profile only)")
public class DemoTokenResource {
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final Set<String> ROLES =
            Set.of(Roles.TRAVELLER, Roles.MERCHANT, Roles.BANK, Roles.OPERATOR, Roles.ACQUIRER);

    public record TokenRequest(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}")
            String subject,

            @NotEmpty List<@NotNull String> roles,
            @Pattern(regexp = "[a-z]{1,20}") String tier) {}

    public record TokenDto(String token, Instant expiresAt) {}

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @POST
    @Operation(summary = "Mint a demo bearer token for a subject and roles")
    public Response mint(@NotNull @Valid TokenRequest request, @Context HttpServerRequest http) {
        DemoProfile.requireActive();
        if (http == null
                || http.remoteAddress() == null
                || !DemoProfile.isLoopback(http.remoteAddress().host())) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Demo tokens are minted for callers on this machine only");
        }
        for (String role : request.roles()) {
            if (role == null || !ROLES.contains(role)) {
                throw new BusinessException(
                        ErrorCode.INVALID_REQUEST,
                        "Unknown role '" + role + "'; roles are traveller, merchant, bank, operator, acquirer");
            }
        }
        Instant expiresAt = Instant.now().plus(LIFETIME);
        var claims = Jwt.issuer(issuer)
                .subject(request.subject())
                .upn(request.subject())
                .groups(Set.copyOf(request.roles()))
                .expiresAt(expiresAt);
        if (request.tier() != null) {
            claims.claim("tier", request.tier()); // a customer tier, e.g. "gold": FX spreads may differ by tier
        }
        String token = claims.sign();
        return Response.status(201).entity(new TokenDto(token, expiresAt)).build();
    }
}
