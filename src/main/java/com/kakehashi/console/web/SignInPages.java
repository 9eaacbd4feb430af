package com.kakehashi.console.web;

import com.kakehashi.common.security.Roles;
import com.kakehashi.console.session.ConsoleSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
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
import java.util.Set;
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
    JWTParser parser;
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
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token == null ? "" : token.strip());
        } catch (ParseException e) {
            return Response.seeOther(URI.create("/console/sign-in?error=invalid_token")).build();
        }
        Set<String> roles = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        if (!roles.contains(Roles.OPERATOR) && !roles.contains(Roles.BANK)) {
            return Response.seeOther(URI.create("/console/sign-in?error=role")).build();
        }
        return cookies.signedIn(token.strip(), jwt.getExpirationTime(), safeNext(next));
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("csrf") String csrf) {
        session.checkCsrf(csrf);
        return Response.seeOther(URI.create("/console/sign-in")).cookie(cookies.cleared()).build();
    }

    /** Language is a preference, not a business write: a link sets it and returns to the page. */
    @GET
    @Path("/language/{lang: ja|en}")
    public Response language(@jakarta.ws.rs.PathParam("lang") String language, @QueryParam("back") String back) {
        NewCookie cookie = new NewCookie.Builder(ConsoleSession.LANGUAGE_COOKIE).value(language).path("/console")
                .maxAge((int) Duration.ofDays(365).toSeconds()).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create(safeNext(back))).cookie(cookie).build();
    }

    /** Only a console path is a place to go back to: no open redirect. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/console") || next.startsWith("/console/sign-")
                || next.contains("//") || next.contains("\\") || next.contains("\r") || next.contains("\n")) {
            return "/console";
        }
        return next;
    }
}
