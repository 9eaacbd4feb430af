package com.kakehashi.console.web;

import com.kakehashi.console.session.ConsoleCookieMechanism;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;

/** The session cookie: the token itself, HttpOnly, SameSite=Strict, only sent to /console, gone when the token expires. */
@ApplicationScoped
public class SessionCookies {
    @Inject
    ConsoleConfig config;

    public Response signedIn(String token, long expiresAtEpochSecond, String next) {
        int maxAge = (int) Math.max(0, expiresAtEpochSecond - Instant.now().getEpochSecond());
        return Response.seeOther(URI.create(next)).cookie(cookie(token, maxAge)).build();
    }

    public NewCookie cleared() {
        return cookie("", 0);
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(ConsoleCookieMechanism.COOKIE)
                .value(value)
                .path("/console")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(config.secureCookie())
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
