package com.kakehashi.settlement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kakehashi.common.money.MinorAmount;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MerchantNettingTest {
    private static MinorAmount fen(long amount) {
        return MinorAmount.of(amount, "CNY");
    }

    private static MinorAmount yen(long amount) {
        return MinorAmount.of(amount, "JPY");
    }

    @Test
    void netIsGrossLessRefundsLessTheFeeRoundedDown() {
        MerchantNetting n =
                MerchantNetting.of(fen(128_050), fen(2_850), 150); // 1.5 % of 1280.50 CNY = 19.2075 -> 19.20
        assertThat(n.feeAmount()).isEqualTo(fen(1_920));
        assertThat(n.netAmount()).isEqualTo(fen(128_050 - 2_850 - 1_920));
        assertThat(n.outcome()).isEqualTo(MerchantNetting.Outcome.PAYOUT);
    }

    @Test
    void refundsLargerThanTheDaysSalesAreCarriedForward() {
        MerchantNetting n = MerchantNetting.of(yen(1_000), yen(5_000), 0);
        assertThat(n.netAmount()).isEqualTo(yen(-4_000));
        assertThat(n.outcome()).isEqualTo(MerchantNetting.Outcome.CARRIED_FORWARD);
        assertThat(MerchantNetting.of(yen(0), yen(0), 0).outcome()).isEqualTo(MerchantNetting.Outcome.CARRIED_FORWARD);
    }

    @Test
    void aNetUnderTheBanksMinimumIsCarriedForward() {
        assertThat(MerchantNetting.of(yen(999), yen(0), 0, yen(1_000)).outcome())
                .isEqualTo(MerchantNetting.Outcome.CARRIED_FORWARD);
        assertThat(MerchantNetting.of(yen(1_000), yen(0), 0, yen(1_000)).outcome())
                .isEqualTo(MerchantNetting.Outcome.PAYOUT);
    }

    @Test
    void aNettingThatDoesNotAddUpCannotBeBuilt() {
        assertThatThrownBy(
                        () -> new MerchantNetting(yen(100), yen(10), yen(0), yen(80), MerchantNetting.Outcome.PAYOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new MerchantNetting(yen(100), yen(100), yen(0), yen(0), MerchantNetting.Outcome.PAYOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNettingNeverMixesCurrencies() {
        assertThatThrownBy(() -> MerchantNetting.of(fen(1_000), yen(10), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerchantNetting.of(fen(1_000), fen(10), 0, yen(100)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new MerchantNetting(fen(100), fen(10), fen(0), yen(90), MerchantNetting.Outcome.PAYOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSumBeyondTheRangeOfMinorUnitsThrowsInsteadOfWrapping() {
        assertThatThrownBy(() -> MerchantNetting.of(yen(0), yen(Long.MAX_VALUE), 0)
                        .netAmount()
                        .minus(yen(2)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Property(tries = 1000)
    void nettingAlwaysAddsUpAndOnlyPositiveNetsArePaid(
            @ForAll @LongRange(max = 10_000_000_000L) long gross,
            @ForAll @LongRange(max = 10_000_000_000L) long refunds,
            @ForAll @IntRange(max = 1000) int feeBps) {
        MerchantNetting n = MerchantNetting.of(fen(gross), fen(refunds), feeBps);
        assertThat(n.grossAmount().minus(n.refundedAmount()).minus(n.feeAmount()))
                .isEqualTo(n.netAmount());
        assertThat(n.feeAmount().amount()).isBetween(0L, gross);
        assertThat(n.feeAmount().amount() * 10_000).isLessThanOrEqualTo(gross * feeBps);
        assertThat(n.isPaid()).isEqualTo(n.netAmount().isPositive());
    }

    @Test
    void endToEndIdsAreStableAndFitIso20022() {
        var batch = java.util.UUID.fromString("3f2b9c1e-0000-4000-8000-000000000001");
        var merchant = java.util.UUID.fromString("00000000-0000-4000-8000-00000000abcd");
        String id = EndToEndIds.of(batch, java.time.Instant.parse("2026-11-25T09:00:00Z"), merchant);
        assertThat(id).isEqualTo("KKH26112509003F2B9C1E00000000ABCD").hasSizeLessThanOrEqualTo(35);
        assertThat(EndToEndIds.messageId(batch)).hasSize(35);
    }
}
