package com.kakehashi.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.console.view.Formats;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Amounts in their currency's own minor unit, times in the viewer's zone. */
class FormatsTest {
    private final Formats tokyo = new Formats(ZoneId.of("Asia/Tokyo"));

    @Test
    void yenHasNoDecimals() {
        assertThat(tokyo.money(12_800, "JPY")).isEqualTo("¥12,800");
        assertThat(tokyo.amount(new BigDecimal("1280000"), "JPY")).isEqualTo("¥1,280,000");
    }

    @Test
    void yuanHasTwoDecimals() {
        assertThat(tokyo.money(123_450, "CNY")).isEqualTo("CN¥1,234.50");
        assertThat(tokyo.money(5, "CNY")).isEqualTo("CN¥0.05");
        assertThat(tokyo.amount(new BigDecimal("88"), "CNY")).isEqualTo("CN¥88.00");
    }

    @Test
    void negativeAmountsKeepTheirSignAndAnAmountFinerThanTheUnitIsShownNotRounded() {
        assertThat(tokyo.money(-4_500, "JPY")).isEqualTo("−¥4,500");
        assertThat(tokyo.amount(new BigDecimal("12.345"), "CNY")).isEqualTo("CN¥12.345");
    }

    @Test
    void timesAreShownInTheViewersZoneAndInTheBanksZoneBesideIt() {
        Instant cutoff = Instant.parse("2026-11-25T09:00:00Z");
        assertThat(tokyo.time(cutoff)).isEqualTo("2026-11-25 18:00");
        assertThat(new Formats(ZoneId.of("Europe/London")).time(cutoff)).isEqualTo("2026-11-25 09:00");
        assertThat(tokyo.timeIn(cutoff, "Asia/Shanghai")).isEqualTo("2026-11-25 17:00 Asia/Shanghai");
    }

    @Test
    void agesReadInDaysHoursAndMinutes() {
        assertThat(tokyo.age(Duration.ofMinutes(42))).isEqualTo("42 min");
        assertThat(tokyo.age(Duration.ofMinutes(192))).isEqualTo("3 h 12 min");
        assertThat(tokyo.age(Duration.ofHours(52))).isEqualTo("2 d 4 h");
    }
}
