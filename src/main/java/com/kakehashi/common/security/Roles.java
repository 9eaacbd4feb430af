package com.kakehashi.common.security;

/** The four roles a token may carry in its "groups" claim. */
public final class Roles {
    public static final String TRAVELLER = "traveller";
    public static final String MERCHANT = "merchant";
    public static final String BANK = "bank";
    public static final String OPERATOR = "operator";
    /** A merchant acquirer: its subject is its acquirer id (docs/acquiring.md). */
    public static final String ACQUIRER = "acquirer";

    private Roles() {}
}
