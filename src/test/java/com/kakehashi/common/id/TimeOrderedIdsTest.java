package com.kakehashi.common.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    @Test
    void idsAreVersion7WithTheRfcVariantAndSortByTheirMillisecond() {
        UUID earlier = TimeOrderedIds.at(1_764_300_000_000L);
        UUID later = TimeOrderedIds.at(1_764_300_000_001L);

        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
        assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(1_764_300_000_000L);
        assertThat(earlier.toString().compareTo(later.toString())).isNegative();
    }
}
