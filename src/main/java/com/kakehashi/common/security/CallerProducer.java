package com.kakehashi.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns the verified JWT identity into a framework-free {@link Caller}. */
public class CallerProducer {
    @Inject
    SecurityIdentity identity;

    @Produces
    @RequestScoped
    Caller caller() {
        Object tier = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("tier") : null;
        return new Caller(
                identity.getPrincipal().getName(),
                Set.copyOf(identity.getRoles()),
                tier == null ? null : tier.toString());
    }
}
