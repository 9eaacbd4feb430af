package com.kakehashi.settlement.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.bank.domain.PartnerBank;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CutoffCalendarTest {
    private static PartnerBank bank(String zone, String... crons) {
        return new PartnerBank(
                "b",
                "B",
                "JP",
                "JPY",
                "KKHSJPJTXXX",
                ZoneId.of(zone),
                "ACC",
                List.of(crons),
                Set.of(PartnerBank.FileFormat.CSV),
                PartnerBank.DeliveryChannel.DIRECTORY,
                "b",
                Instant.EPOCH,
                0);
    }

    @Test
    void aTokyoCutoffAt18IsNineUtc() {
        List<Instant> cutoffs = CutoffCalendar.between(
                bank("Asia/Tokyo", "0 0 18 * * ?"),
                Instant.parse("2026-11-24T00:00:00Z"),
                Instant.parse("2026-11-26T00:00:00Z"),
                10);
        assertThat(cutoffs)
                .containsExactly(Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-25T09:00:00Z"));
    }

    @Test
    void twoShanghaiCutoffsADayCrossMidnightAndMonthEnd() {
        // 12:00 and 22:00 China time = 04:00 and 14:00 UTC; 30 November to 1 December.
        List<Instant> cutoffs = CutoffCalendar.between(
                bank("Asia/Shanghai", "0 0 12 * * ?", "0 0 22 * * ?"),
                Instant.parse("2026-11-30T03:00:00Z"),
                Instant.parse("2026-12-01T15:00:00Z"),
                10);
        assertThat(cutoffs)
                .containsExactly(
                        Instant.parse("2026-11-30T04:00:00Z"),
                        Instant.parse("2026-11-30T14:00:00Z"),
                        Instant.parse("2026-12-01T04:00:00Z"),
                        Instant.parse("2026-12-01T14:00:00Z"));
    }

    @Test
    void aTokyoMidnightCutoffFallsOnThePreviousUtcDay() {
        List<Instant> cutoffs = CutoffCalendar.between(
                bank("Asia/Tokyo", "0 0 0 1 * ?"),
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"),
                10);
        assertThat(cutoffs)
                .containsExactly(Instant.parse("2026-11-30T15:00:00Z"), Instant.parse("2026-12-31T15:00:00Z"));
    }

    @Test
    void catchUpIsBounded() {
        assertThat(CutoffCalendar.between(
                        bank("Asia/Tokyo", "0 0 * * * ?"),
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-12-01T00:00:00Z"),
                        5))
                .hasSize(5);
    }
}
