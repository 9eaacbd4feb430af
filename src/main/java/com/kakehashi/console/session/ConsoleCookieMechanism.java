package com.kakehashi.console.session;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The console's session: the same signed token the API takes as a bearer token, carried in an HttpOnly,
 * SameSite=Strict cookie whose path is {@code /console}. The token is verified by the same JWT identity
 * provider as the API's, so roles and expiry are the API's; the cookie is never read outside the console.
 */
@ApplicationScoped
public class ConsoleCookieMechanism implements HttpAuthenticationMechanism {
    private static final org.jboss.logging.Logger LOG =
            org.jboss.logging.Logger.getLogger(ConsoleCookieMechanism.class);
    public static final String COOKIE = "kakehashi_console";
    static final String PATH = "/console";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!context.normalizedPath().startsWith(PATH)) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = context.request().getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        var request = new TokenAuthenticationRequest(new JsonWebTokenCredential(cookie.getValue()));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        // An expired or forged cookie is no session: the page then asks the operator to sign in again.
        return identities
                .authenticate(request)
                .onFailure()
                .invoke(e -> LOG.debugf(e, "console session refused"))
                .onFailure()
                .recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, COOKIE));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
