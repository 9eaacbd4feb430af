package com.kakehashi.qr.emv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CrcTest {
    @Test
    void theCheckValueOfCrc16CcittFalseIs29B1() {
        assertThat(Crc16.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x29B1);
        assertThat(Payloads.crc("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x29B1);
    }

    @Test
    void theCrcOfTheEmptyInputIsTheInitialValue() {
        assertThat(Crc16.of(new byte[0])).isEqualTo(0xFFFF);
    }

    @Test
    void theEmvcoWorkedExampleCarriesTheCrcOfItsUtf8Bytes() {
        String covered = Payloads.EMVCO_EXAMPLE.substring(0, Payloads.EMVCO_EXAMPLE.length() - 4);
        assertThat(Crc16.hex(covered.getBytes(StandardCharsets.UTF_8))).isEqualTo("A13A");
        // Counting characters instead of bytes would be a different checksum: the distinction matters.
        assertThat(Crc16.hex(covered.getBytes(StandardCharsets.ISO_8859_1))).isNotEqualTo("A13A");
    }
}
