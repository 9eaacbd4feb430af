package com.kakehashi.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.common.error.ErrorCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class RefundPolicyTest {
    private static Payment paidInShanghai(String cny, String jpy, String rate, String refundedCny, String refundedJpy) {
        return paidInShanghai(cny, jpy, "0", rate, refundedCny, refundedJpy);
    }

    private static Payment paidInShanghai(
            String cny, String jpy, String feeJpy, String rate, String refundedCny, String refundedJpy) {
        return new Payment(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "t",
                UUID.randomUUID(),
                Money.of(new BigDecimal(cny), "CNY"),
                Money.of(new BigDecimal(jpy), "JPY"),
                Money.of(new BigDecimal(feeJpy), "JPY"),
                new BigDecimal(rate),
                Money.of(new BigDecimal(refundedCny), "CNY"),
                Money.of(new BigDecimal(refundedJpy), "JPY"),
                PaymentStatus.CAPTURED,
                Instant.EPOCH,
                0);
    }

    @Test
    void aPartialRefundReturnsYenAtTheLockedRateRoundedDown() {
        var decision = RefundPolicy.decide(paidInShanghai("128.50", "2731", "21.25", "0", "0"), Money.of(10.01, "CNY"));
        assertThat(decision)
                .isEqualTo(new RefundPolicy.Accepted(
                        Money.of(10.01, "CNY"),
                        Money.of(212, "JPY"),
                        Money.of(0, "JPY"),
                        PaymentStatus.PARTIALLY_REFUNDED));
    }

    @Test
    void theRefundThatCompletesThePaymentReturnsExactlyTheRestOfTheCharge() {
        var decision =
                RefundPolicy.decide(paidInShanghai("128.50", "2731", "21.25", "10.01", "212"), Money.of(118.49, "CNY"));
        assertThat(decision)
                .isEqualTo(new RefundPolicy.Accepted(
                        Money.of(118.49, "CNY"), Money.of(2519, "JPY"), Money.of(0, "JPY"), PaymentStatus.REFUNDED));
    }

    @Test
    void theFeeIsReturnedOnlyByTheRefundThatCompletesThePayment() {
        Payment payment = paidInShanghai("100.00", "2226", "100", "21.2537", "0", "0");
        var partial = (RefundPolicy.Accepted) RefundPolicy.decide(payment, Money.of(40, "CNY"));
        assertThat(partial.feeReturned()).isEqualTo(Money.of(0, "JPY"));
        assertThat(partial.convertedAtOriginalRate()).isEqualTo(Money.of(850, "JPY")); // 40 × 21.2537 = 850.148, down
        Payment after = paidInShanghai("100.00", "2226", "100", "21.2537", "40.00", "850");
        var last = (RefundPolicy.Accepted) RefundPolicy.decide(after, Money.of(60, "CNY"));
        assertThat(last.feeReturned()).isEqualTo(Money.of(100, "JPY"));
        assertThat(last.chargeAtOriginalRate()).isEqualTo(Money.of(2226 - 850, "JPY"));
    }

    @Test
    void moreThanWhatIsLeftIsRefused() {
        var decision =
                RefundPolicy.decide(paidInShanghai("128.50", "2731", "21.25", "100", "2125"), Money.of(28.51, "CNY"));
        assertThat(decision).isInstanceOf(RefundPolicy.Rejected.class);
        assertThat(((RefundPolicy.Rejected) decision).code()).isEqualTo(ErrorCode.REFUND_EXCEEDS_REMAINING);
    }

    @Property(tries = 300)
    void refundsTogetherNeverReturnMoreThanTheCharge(
            @ForAll @IntRange(min = 1, max = 100_000) int priceFen,
            @ForAll @Size(min = 1, max = 6) java.util.List<@IntRange(min = 1, max = 100) Integer> shares) {
        BigDecimal rate = new BigDecimal("21.2537");
        BigDecimal price = BigDecimal.valueOf(priceFen, 2);
        BigDecimal charge = price.multiply(rate).setScale(0, java.math.RoundingMode.UP);
        Payment payment = paidInShanghai(price.toPlainString(), charge.toPlainString(), rate.toPlainString(), "0", "0");
        int totalShares = shares.stream().mapToInt(Integer::intValue).sum();
        for (int i = 0; i < shares.size(); i++) {
            BigDecimal part = i == shares.size() - 1
                    ? payment.refundablePrice().getNumberStripped()
                    : price.multiply(BigDecimal.valueOf(shares.get(i)))
                            .divide(BigDecimal.valueOf(totalShares), 2, java.math.RoundingMode.DOWN);
            if (part.signum() == 0) {
                continue;
            }
            var accepted = (RefundPolicy.Accepted) RefundPolicy.decide(payment, Money.of(part, "CNY"));
            payment = new Payment(
                    payment.id(),
                    payment.quoteId(),
                    payment.walletId(),
                    payment.owner(),
                    payment.merchantId(),
                    payment.price(),
                    payment.charge(),
                    payment.fee(),
                    payment.rate(),
                    payment.refundedPrice().add(accepted.price()),
                    payment.refundedCharge().add(accepted.chargeAtOriginalRate()),
                    accepted.resultingStatus(),
                    payment.capturedAt(),
                    payment.version() + 1);
            assertThat(payment.refundedCharge().isLessThanOrEqualTo(payment.charge()))
                    .isTrue();
        }
        assertThat(payment.refundedCharge()).isEqualTo(payment.charge());
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
    }
}
