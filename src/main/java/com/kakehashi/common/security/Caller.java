package com.kakehashi.common.security;

import java.util.Set;

/**
 * Who is calling, as the application layer needs it: the token's subject and roles.
 * A traveller's subject owns its wallets; a merchant's subject is its merchant id;
 * a bank's subject is its bank id; operators are staff.
 */
public record Caller(String subject, Set<String> roles) {

    public boolean isOperator() {
        return roles.contains(Roles.OPERATOR);
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** True when the caller is the merchant with this id. */
    public boolean isMerchant(String merchantId) {
        return roles.contains(Roles.MERCHANT) && subject.equals(merchantId);
    }
}
