package com.kakehashi.settlement.domain;

import com.kakehashi.common.money.MinorAmount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.money.CurrencyUnit;

/**
 * Netting of one merchant in one window: what it sold (gross), gave back (refunds), owes us (fee),
 * and is paid (net), all in the merchant's currency (checked: a netting never mixes currencies). Rule: a
 * merchant whose net is not positive, or is under the bank's minimum payout, is not paid in this batch; its
 * item is carried forward to the next window, where later sales absorb or add to it.
 */
public record MerchantNetting(
        MinorAmount grossAmount,
        MinorAmount refundedAmount,
        MinorAmount feeAmount,
        MinorAmount netAmount,
        Outcome outcome) {
    /** The merchant fee, rounded down (in the merchant's favour) to the minor unit. */
    public static final RoundingMode MERCHANT_FEE_ROUNDING = RoundingMode.DOWN;

    public enum Outcome {
        PAYOUT,
        CARRIED_FORWARD
    }

    public MerchantNetting {
        if (grossAmount.amount() < 0
                || refundedAmount.amount() < 0
                || feeAmount.amount() < 0
                || !netAmount.equals(grossAmount.minus(refundedAmount).minus(feeAmount))) {
            throw new IllegalArgumentException("netting does not add up: " + grossAmount + " - " + refundedAmount
                    + " - " + feeAmount + " != " + netAmount);
        }
        if (outcome == Outcome.PAYOUT && !netAmount.isPositive()) {
            throw new IllegalArgumentException("only a positive net is paid out");
        }
    }

    public static MerchantNetting of(MinorAmount gross, MinorAmount refunds, int feeBasisPoints) {
        return of(gross, refunds, feeBasisPoints, MinorAmount.zero(gross.currency()));
    }

    /** @param minimumPayout the bank's smallest payout; a smaller positive net is carried forward */
    public static MerchantNetting of(
            MinorAmount gross, MinorAmount refunds, int feeBasisPoints, MinorAmount minimumPayout) {
        MinorAmount fee = MinorAmount.of(
                BigDecimal.valueOf(gross.amount())
                        .multiply(BigDecimal.valueOf(feeBasisPoints))
                        .movePointLeft(4)
                        .setScale(0, MERCHANT_FEE_ROUNDING)
                        .longValueExact(),
                gross.currency());
        MinorAmount net = gross.minus(refunds).minus(fee);
        boolean paid = net.isPositive() && net.minus(minimumPayout).amount() >= 0;
        return new MerchantNetting(gross, refunds, fee, net, paid ? Outcome.PAYOUT : Outcome.CARRIED_FORWARD);
    }

    public CurrencyUnit currency() {
        return netAmount.currency();
    }

    public boolean isPaid() {
        return outcome == Outcome.PAYOUT;
    }

    // Minor-unit views for the operator console's formatter, which takes (minor units, currency code).
}
