package com.kakehashi.common.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AmountsTest {
    @Test
    void yenHaveNoMinorUnitAndYuanHaveFen() {
        assertThat(Amounts.toMinor(Amounts.parsePositive("1280", "JPY"))).isEqualTo(1280);
        assertThat(Amounts.toMinor(Amounts.parsePositive("128.50", "CNY"))).isEqualTo(12850);
        assertThat(Amounts.format(Amounts.parsePositive("128.5", "CNY"))).isEqualTo("128.50");
        assertThat(Amounts.format(Amounts.parsePositive("1.0", "JPY"))).isEqualTo("1");
    }

    @Test
    void anAmountFinerThanTheMinorUnitIsRefusedNotRounded() {
        assertThatThrownBy(() -> Amounts.parsePositive("0.5", "JPY"))
                .isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).errorCode())
                .isEqualTo(ErrorCode.AMOUNT_PRECISION);
        assertThatThrownBy(() -> Amounts.parsePositive("1.001", "CNY")).isInstanceOf(BusinessException.class);
    }

    @Test
    void onlyPlainPositiveDecimalsAreAmounts() {
        for (String bad : new String[] {"", "-1", "0", "0.00", "1e3", "1,000", " 1", "1.", ".5", "NaN"}) {
            assertThatThrownBy(() -> Amounts.parsePositive(bad, "CNY")).as(bad).isInstanceOf(BusinessException.class);
        }
    }

    @Property(tries = 500)
    void minorUnitsRoundTripExactly(@ForAll @LongRange(min = -999_999_999_999L, max = 999_999_999_999L) long minor) {
        assertThat(Amounts.toMinor(Amounts.fromMinor(minor, Currencies.CNY))).isEqualTo(minor);
        assertThat(Amounts.toMinor(Amounts.fromMinor(minor, Currencies.JPY))).isEqualTo(minor);
    }
}
