package com.kakehashi.console.web;

import com.kakehashi.common.security.Roles;
import com.kakehashi.console.session.ConsoleSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Sign-in with a token (the API's own), sign-out, language. The session is the token in an HttpOnly cookie. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class SignInPages {
    @Inject
    @Location("console/sign-in")
    Template signIn;

    @Inject
    Pages pages;

    @Inject
    ConsoleSession session;

    @Inject
    IdentityProviderManager identities;

    @Inject
    SessionCookies cookies;

    @GET
    @Path("/sign-in")
    public TemplateInstance signInPage(@QueryParam("next") String next, @QueryParam("error") String error) {
        return pages.anonymousPage(signIn).data("next", safeNext(next)).data("error", error == null ? "" : error);
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token, @FormParam("next") String next) {
        String presented = token == null ? "" : token.strip();
        SecurityIdentity identity;
        try {
            // The API's own verification: signature, issuer, expiry and the token policy (augmentors).
            identity = identities.authenticateBlocking(
                    new TokenAuthenticationRequest(new JsonWebTokenCredential(presented)));
        } catch (AuthenticationFailedException | IllegalArgumentException e) {
            return Response.seeOther(URI.create("/console/sign-in?error=invalid_token"))
                    .build();
        }
        if (!identity.hasRole(Roles.OPERATOR) && !identity.hasRole(Roles.BANK)) {
            return Response.seeOther(URI.create("/console/sign-in?error=role")).build();
        }
        long expiresAt = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getExpirationTime() : 0;
        return cookies.signedIn(presented, expiresAt, safeNext(next));
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("csrf") String csrf) {
        session.checkCsrf(csrf);
        return Response.seeOther(URI.create("/console/sign-in"))
                .cookie(cookies.cleared())
                .build();
    }

    /** Language is a preference, not a business write: a link sets it and returns to the page. */
    @GET
    @Path("/language/{lang: ja|en}")
    public Response language(@jakarta.ws.rs.PathParam("lang") String language, @QueryParam("back") String back) {
        NewCookie cookie = new NewCookie.Builder(ConsoleSession.LANGUAGE_COOKIE)
                .value(language)
                .path("/console")
                .maxAge((int) Duration.ofDays(365).toSeconds())
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
        return Response.seeOther(URI.create(safeNext(back))).cookie(cookie).build();
    }

    /** Only a console path is a place to go back to: no open redirect. */
    static String safeNext(String next) {
        if (next == null
                || !next.startsWith("/console")
                || next.startsWith("/console/sign-")
                || next.contains("//")
                || next.contains("\\")
                || next.contains("\r")
                || next.contains("\n")) {
            return "/console";
        }
        return next;
    }
}
