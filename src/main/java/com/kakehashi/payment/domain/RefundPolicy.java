package com.kakehashi.payment.domain;

import com.kakehashi.common.error.ErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.javamoney.moneta.Money;

/**
 * How much of a payment may be refunded and how many yen that is at the payment's locked rate. A
 * partial refund converts at the locked customer rate, rounded DOWN to the wallet currency's minor unit
 * (REFUND_CHARGE_ROUNDING); the refund that completes the payment takes exactly the rest of the
 * converted charge and returns the fee, so all refunds together return the whole charge and never more.
 */
public final class RefundPolicy {
    public static final RoundingMode REFUND_CHARGE_ROUNDING = RoundingMode.DOWN;

    private RefundPolicy() {}

    public sealed interface Decision {}

    /**
     * @param convertedAtOriginalRate the refunded price in the wallet currency at the payment's rate
     * @param feeReturned             the payment's fee, returned with the refund that completes it
     */
    public record Accepted(Money price, Money convertedAtOriginalRate, Money feeReturned, PaymentStatus resultingStatus)
            implements Decision {
        /** What the payment's refunded charge grows by. */
        public Money chargeAtOriginalRate() {
            return convertedAtOriginalRate.add(feeReturned);
        }
    }

    public record Rejected(ErrorCode code, String detail) implements Decision {}

    public static Decision decide(Payment payment, Money requested) {
        if (!requested.getCurrency().equals(payment.price().getCurrency())) {
            return new Rejected(
                    ErrorCode.CURRENCY_MISMATCH,
                    "Refunds are in the merchant's currency, " + payment.price().getCurrency());
        }
        if (requested.isGreaterThan(payment.refundablePrice())) {
            return new Rejected(
                    ErrorCode.REFUND_EXCEEDS_REMAINING,
                    "At most " + payment.refundablePrice().getNumberStripped().toPlainString() + " "
                            + payment.price().getCurrency() + " is left to refund");
        }
        if (requested.isEqualTo(payment.refundablePrice())) {
            Money restOfConverted = payment.refundableCharge().subtract(payment.fee());
            return new Accepted(requested, restOfConverted, payment.fee(), PaymentStatus.REFUNDED);
        }
        return new Accepted(
                requested,
                convert(requested, payment.rate(), payment.charge().getCurrency()),
                Money.zero(payment.fee().getCurrency()),
                PaymentStatus.PARTIALLY_REFUNDED);
    }

    /** A foreign amount in the wallet currency at a given customer rate, rounded REFUND_CHARGE_ROUNDING. */
    public static Money convert(Money price, BigDecimal rate, javax.money.CurrencyUnit walletCurrency) {
        BigDecimal converted = price.getNumberStripped()
                .multiply(rate)
                .setScale(walletCurrency.getDefaultFractionDigits(), REFUND_CHARGE_ROUNDING);
        return Money.of(converted, walletCurrency);
    }
}
