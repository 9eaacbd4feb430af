package com.kakehashi.qr.emv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** CRC-16/CCITT-FALSE as EMVCo uses it for tag 63, checked against an independent implementation. */
class CrcTest {
    @Test
    void theCheckValueOfCrc16CcittFalseOver123456789Is29B1() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16.of(check)).isEqualTo(0x29B1);
        assertThat(Crc16.hex(check)).isEqualTo("29B1");
        assertThat(Payloads.crc(check)).isEqualTo(0x29B1);
    }

    @Test
    void theCrcOfNoBytesIsTheInitialValueFFFF() {
        assertThat(Crc16.of(new byte[0])).isEqualTo(0xFFFF);
        assertThat(Payloads.crc(new byte[0])).isEqualTo(0xFFFF);
    }

    @Test
    void theCodecAgreesWithABitByBitImplementationOnRandomBytes() {
        Random random = new Random(20261125);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            assertThat(Crc16.of(bytes)).as("input %d", i).isEqualTo(Payloads.crc(bytes));
        }
    }

    @Test
    void theHexFormIsFourUppercaseDigitsWithLeadingZeros() {
        byte[] smallCrc = findInputWhoseCrcIsBelow(0x1000);
        assertThat(Crc16.hex(smallCrc)).hasSize(4).startsWith("0").isEqualTo(Payloads.hex4(Payloads.crc(smallCrc)));
        assertThat(Crc16.hex("123456789".getBytes(StandardCharsets.US_ASCII))).matches("[0-9A-F]{4}");
    }

    @Test
    void theEmvcoWorkedExampleCarriesTheCrcOfItsUtf8BytesUpToAndIncluding6304() {
        String payload = Payloads.EMVCO_EXAMPLE;
        String covered = payload.substring(0, payload.length() - 4);
        assertThat(covered).endsWith("6304");
        assertThat(Payloads.hex4(Payloads.crc(covered.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("A13A");
        assertThat(Crc16.hex(covered.getBytes(StandardCharsets.UTF_8))).isEqualTo("A13A");
        // The other readings of "characters" give other checksums: the byte encoding matters.
        assertThat(Payloads.crc(covered.getBytes(StandardCharsets.UTF_16BE))).isNotEqualTo(0xA13A);
        assertThat(Payloads.crc(covered.getBytes(StandardCharsets.ISO_8859_1))).isNotEqualTo(0xA13A);
    }

    @Test
    void theCirculatingShortVersionOfTheWorkedExampleIsNotSelfConsistent() {
        // See Payloads.EMVCO_EXAMPLE: template 64 there declares 20 characters but holds 18, and A13A is not its CRC.
        String broken = Payloads.EMVCO_EXAMPLE.replace("0104最佳运输", "0102北京");
        assertThat("0002ZH0102北京0202北京").hasSize(18);
        String covered = broken.substring(0, broken.length() - 4);
        assertThat(Payloads.hex4(Payloads.crc(covered.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("9337");
    }

    private static byte[] findInputWhoseCrcIsBelow(int bound) {
        for (int i = 0; ; i++) {
            byte[] candidate = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
            if (Payloads.crc(candidate) < bound) {
                return candidate;
            }
        }
    }
}
