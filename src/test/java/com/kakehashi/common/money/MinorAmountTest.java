package com.kakehashi.common.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MinorAmountTest {
    @Test
    void amountsOfOneCurrencyAddAndSubtractExactly() {
        MinorAmount yen =
                MinorAmount.of(1_280, "JPY").plus(MinorAmount.of(720, "JPY")).minus(MinorAmount.of(1, "JPY"));
        assertThat(yen).isEqualTo(new MinorAmount(1_999, Currencies.JPY));
    }

    @Test
    void yenAndYuanNeverMix() {
        assertThatThrownBy(() -> MinorAmount.of(100, "JPY").plus(MinorAmount.of(100, "CNY")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency mismatch");
    }

    @Test
    void anOverflowIsRefusedNotWrapped() {
        assertThatThrownBy(() -> MinorAmount.of(Long.MAX_VALUE, "JPY").plus(MinorAmount.of(1, "JPY")))
                .isInstanceOf(ArithmeticException.class);
    }
}
