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
    private final String subject;
    private final Set<String> roles;

    public Caller(String subject, Set<String> roles) {
        this.subject = subject;
        this.roles = Set.copyOf(roles);
    }

    /** For the CDI client proxy only. */
    protected Caller() {
        this.subject = null;
        this.roles = Set.of();
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

    /** True when the caller is the merchant with this id. */
    public boolean isMerchant(String merchantId) {
        return is(Roles.MERCHANT) && subject().equals(merchantId);
    }
}
