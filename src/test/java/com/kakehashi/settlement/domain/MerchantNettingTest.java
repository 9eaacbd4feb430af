package com.kakehashi.settlement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MerchantNettingTest {
    @Test
    void netIsGrossLessRefundsLessTheFeeRoundedDown() {
        MerchantNetting n = MerchantNetting.of(128_050, 2_850, 150); // 1.5 % of 1280.50 CNY = 19.2075 -> 19.20
        assertThat(n.fee()).isEqualTo(1_920);
        assertThat(n.net()).isEqualTo(128_050 - 2_850 - 1_920);
        assertThat(n.outcome()).isEqualTo(MerchantNetting.Outcome.PAYOUT);
    }

    @Test
    void refundsLargerThanTheDaysSalesAreCarriedForward() {
        MerchantNetting n = MerchantNetting.of(1_000, 5_000, 0);
        assertThat(n.net()).isEqualTo(-4_000);
        assertThat(n.outcome()).isEqualTo(MerchantNetting.Outcome.CARRIED_FORWARD);
        assertThat(MerchantNetting.of(0, 0, 0).outcome()).isEqualTo(MerchantNetting.Outcome.CARRIED_FORWARD);
    }

    @Test
    void aNettingThatDoesNotAddUpCannotBeBuilt() {
        assertThatThrownBy(() -> new MerchantNetting(100, 10, 0, 80, MerchantNetting.Outcome.PAYOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MerchantNetting(100, 100, 0, 0, MerchantNetting.Outcome.PAYOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 1000)
    void nettingAlwaysAddsUpAndOnlyPositiveNetsArePaid(@ForAll @LongRange(max = 10_000_000_000L) long gross,
            @ForAll @LongRange(max = 10_000_000_000L) long refunds, @ForAll @IntRange(max = 1000) int feeBps) {
        MerchantNetting n = MerchantNetting.of(gross, refunds, feeBps);
        assertThat(n.gross() - n.refunds() - n.fee()).isEqualTo(n.net());
        assertThat(n.fee()).isBetween(0L, gross);
        assertThat(n.fee() * 10_000).isLessThanOrEqualTo(gross * feeBps);
        assertThat(n.outcome() == MerchantNetting.Outcome.PAYOUT).isEqualTo(n.net() > 0);
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
