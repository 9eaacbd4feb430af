package com.kakehashi.payment.domain;

import com.kakehashi.common.error.ErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.javamoney.moneta.Money;

/**
 * How much of a payment may be refunded and how many yen go back. FX policy: a refund converts at
 * the payment's locked rate; a partial refund's charge is rounded DOWN to the wallet currency's
 * minor unit (REFUND_CHARGE_ROUNDING), and the refund that completes the payment returns exactly
 * the rest of the charge, so all refunds together return the whole charge and never more.
 */
public final class RefundPolicy {
    public static final RoundingMode REFUND_CHARGE_ROUNDING = RoundingMode.DOWN;

    private RefundPolicy() {
    }

    public sealed interface Decision {
    }

    public record Accepted(Money price, Money charge, PaymentStatus resultingStatus) implements Decision {
    }

    public record Rejected(ErrorCode code, String detail) implements Decision {
    }

    public static Decision decide(Payment payment, Money requested) {
        if (!requested.getCurrency().equals(payment.price().getCurrency())) {
            return new Rejected(ErrorCode.CURRENCY_MISMATCH,
                    "Refunds are in the merchant's currency, " + payment.price().getCurrency());
        }
        if (requested.isGreaterThan(payment.refundablePrice())) {
            return new Rejected(ErrorCode.REFUND_EXCEEDS_REMAINING, "At most " + payment.refundablePrice()
                    .getNumberStripped().toPlainString() + " " + payment.price().getCurrency() + " is left to refund");
        }
        if (requested.isEqualTo(payment.refundablePrice())) {
            return new Accepted(requested, payment.refundableCharge(), PaymentStatus.REFUNDED);
        }
        int digits = payment.charge().getCurrency().getDefaultFractionDigits();
        BigDecimal charge = requested.getNumberStripped().multiply(payment.rate())
                .setScale(digits, REFUND_CHARGE_ROUNDING);
        return new Accepted(requested, Money.of(charge, payment.charge().getCurrency()), PaymentStatus.PARTIALLY_REFUNDED);
    }
}
