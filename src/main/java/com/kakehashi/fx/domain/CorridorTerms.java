package com.kakehashi.fx.domain;

import java.math.BigDecimal;

/**
 * What a corridor (wallet currency -> merchant currency) costs a customer on top of the mid rate:
 * a spread in basis points and a fixed fee in the wallet currency.
 */
public record CorridorTerms(int spreadBps, BigDecimal fixedFee) {
    public static final CorridorTerms NONE = new CorridorTerms(0, BigDecimal.ZERO);

    public CorridorTerms {
        if (spreadBps < 0 || spreadBps >= 10_000) {
            throw new IllegalArgumentException("spread must be 0 to 9999 basis points, got " + spreadBps);
        }
        if (fixedFee == null || fixedFee.signum() < 0) {
            throw new IllegalArgumentException("the fixed fee must be zero or positive");
        }
    }
}
