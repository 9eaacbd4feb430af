package com.kakehashi.console.session;

import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Who is looking at the console and how they like to read it: the signed-in caller (operator or bank),
 * the language (ja or en) and the viewer's time zone. Pages ask it to require a role and to check the
 * CSRF token of a form.
 */
@RequestScoped
public class ConsoleSession {
    public static final String LANGUAGE_COOKIE = "kakehashi_lang";
    public static final String ZONE_COOKIE = "kakehashi_tz";
    /** Operators sit in Tokyo: the zone used until the browser has told us its own. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentVertxRequest request;

    @Inject
    CsrfKeys csrf;

    /** The signed-in operator or bank; otherwise the page sends the viewer to sign in. */
    public Caller caller() {
        if (identity.isAnonymous()) {
            throw new ConsoleAccessException.NotSignedIn(
                    request.getCurrent().request().uri());
        }
        Caller caller = new Caller(identity.getPrincipal().getName(), identity.getRoles());
        if (!caller.isOperator() && !caller.is(Roles.BANK)) {
            throw new ConsoleAccessException.NotAllowed();
        }
        return caller;
    }

    public Caller operator() {
        Caller caller = caller();
        if (!caller.isOperator()) {
            throw new ConsoleAccessException.NotAllowed();
        }
        return caller;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    /** A bank user's own bank id; empty for operators, who see every bank. */
    public Optional<String> bankScope() {
        Caller caller = caller();
        return caller.isOperator() ? Optional.empty() : Optional.of(caller.subject());
    }

    /** The signed token behind the session, for the console's calls to the service's own API. */
    public String token() {
        return cookie(ConsoleCookieMechanism.COOKIE)
                .orElseThrow(() -> new ConsoleAccessException.NotSignedIn(
                        request.getCurrent().request().uri()));
    }

    /** The local port this request came in on: the service's own API answers there too. */
    public int localPort() {
        return request.getCurrent().request().localAddress().port();
    }

    public String csrfToken() {
        return cookie(ConsoleCookieMechanism.COOKIE).map(csrf.csrf()::tokenFor).orElse("");
    }

    /** Every console write carries the form's token; a missing or foreign one is refused before anything runs. */
    public void checkCsrf(String presented) {
        if (!csrf.csrf().matches(cookie(ConsoleCookieMechanism.COOKIE).orElse(null), presented)) {
            throw new ConsoleAccessException.CsrfRefused();
        }
    }

    public String language() {
        Optional<String> chosen = cookie(LANGUAGE_COOKIE).filter(l -> l.equals("ja") || l.equals("en"));
        if (chosen.isPresent()) {
            return chosen.get();
        }
        String accept = request.getCurrent().request().getHeader("Accept-Language");
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("ja") ? "ja" : "en";
    }

    public ZoneId zone() {
        return cookie(ZONE_COOKIE).flatMap(ConsoleSession::zoneOf).orElse(DEFAULT_ZONE);
    }

    static Optional<ZoneId> zoneOf(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private Optional<String> cookie(String name) {
        Cookie cookie = request.getCurrent().request().getCookie(name);
        return cookie == null || cookie.getValue().isBlank() ? Optional.empty() : Optional.of(cookie.getValue());
    }
}
