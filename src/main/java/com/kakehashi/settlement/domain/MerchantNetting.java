package com.kakehashi.settlement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Netting of one merchant in one window: what it sold (gross), gave back (refunds), owes us (fee),
 * and is paid (net). Rule: a merchant whose net is not positive, or is under the bank's minimum payout, is
 * not paid in this batch; its payments and refunds are carried forward to the next window, where later sales
 * absorb or add to them.
 * Amounts are minor units of the merchant's currency.
 */
public record MerchantNetting(long gross, long refunds, long fee, long net, Outcome outcome) {
    /** The merchant fee, rounded down (in the merchant's favour) to the minor unit. */
    public static final RoundingMode MERCHANT_FEE_ROUNDING = RoundingMode.DOWN;

    public enum Outcome {
        PAYOUT, CARRIED_FORWARD
    }

    public MerchantNetting {
        if (gross < 0 || refunds < 0 || fee < 0 || net != gross - refunds - fee) {
            throw new IllegalArgumentException("netting does not add up: " + gross + " - " + refunds + " - " + fee + " != " + net);
        }
        if (outcome == Outcome.PAYOUT && net <= 0) {
            throw new IllegalArgumentException("only a positive net is paid out");
        }
    }

    public static MerchantNetting of(long gross, long refunds, int feeBasisPoints) {
        return of(gross, refunds, feeBasisPoints, 0);
    }

    /** @param minimumPayout the bank's smallest payout (minor units); a smaller positive net is carried forward */
    public static MerchantNetting of(long gross, long refunds, int feeBasisPoints, long minimumPayout) {
        long fee = BigDecimal.valueOf(gross).multiply(BigDecimal.valueOf(feeBasisPoints)).movePointLeft(4)
                .setScale(0, MERCHANT_FEE_ROUNDING).longValueExact();
        long net = gross - refunds - fee;
        boolean paid = net > 0 && net >= minimumPayout;
        return new MerchantNetting(gross, refunds, fee, net, paid ? Outcome.PAYOUT : Outcome.CARRIED_FORWARD);
    }
}
