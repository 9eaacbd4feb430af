package com.kakehashi.common.security;

import java.util.Set;

/**
 * Who is calling, as the application layer needs it: the token's subject and roles.
 * A traveller's subject owns its wallets; a merchant's subject is its merchant id;
 * a bank's subject is its bank id; operators are staff.
 *
 * <p>A class rather than a record because it is a request-scoped bean, and CDI proxies need a
 * subclassable type with a no-argument constructor.
 */
public class Caller {
    /** The tier of a customer without a {@code tier} claim in its token. */
    public static final String STANDARD_TIER = "standard";

    private final String subject;
    private final Set<String> roles;
    private final String tier;

    public Caller(String subject, Set<String> roles) {
        this(subject, roles, STANDARD_TIER);
    }

    /** @param tier the customer tier the token carries (pricing may differ by tier), {@value #STANDARD_TIER} if none */
    public Caller(String subject, Set<String> roles, String tier) {
        this.subject = subject;
        this.roles = Set.copyOf(roles);
        this.tier = tier == null || tier.isBlank() ? STANDARD_TIER : tier;
    }

    /** For the CDI client proxy only. */
    protected Caller() {
        this.subject = null;
        this.roles = Set.of();
        this.tier = STANDARD_TIER;
    }

    public String tier() {
        return tier;
    }

    public String subject() {
        return subject;
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean isOperator() {
        return roles().contains(Roles.OPERATOR);
    }

    public boolean is(String role) {
        return roles().contains(role);
    }

    /** True when the caller is the traveller owning something owned by {@code owner} (role and subject). */
    public boolean isTraveller(String owner) {
        return is(Roles.TRAVELLER) && subject().equals(owner);
    }

    /** True when the caller is the merchant with this id. */
    public boolean isMerchant(String merchantId) {
        return is(Roles.MERCHANT) && subject().equals(merchantId);
    }
}
