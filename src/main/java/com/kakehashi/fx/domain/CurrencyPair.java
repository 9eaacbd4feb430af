package com.kakehashi.fx.domain;

import java.util.regex.Pattern;

/** An ordered pair of ISO 4217 codes. A rate on it reads "1 {@code base} = rate {@code quote}". */
public record CurrencyPair(String base, String quote) {
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    public CurrencyPair {
        if (base == null
                || quote == null
                || !CODE.matcher(base).matches()
                || !CODE.matcher(quote).matches()) {
            throw new IllegalArgumentException("currency codes must be three capital letters: " + base + "/" + quote);
        }
    }

    public static CurrencyPair of(String base, String quote) {
        return new CurrencyPair(base, quote);
    }

    public CurrencyPair inverse() {
        return new CurrencyPair(quote, base);
    }

    public boolean isIdentity() {
        return base.equals(quote);
    }

    @Override
    public String toString() {
        return base + "/" + quote;
    }
}
