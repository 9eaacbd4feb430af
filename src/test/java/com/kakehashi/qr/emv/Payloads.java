package com.kakehashi.qr.emv;

import java.nio.charset.StandardCharsets;

/** Builds EMVCo payloads by hand, from the specification, with a CRC computed independently of the codec. */
final class Payloads {
    private Payloads() {
    }

    static String tlv(String tag, String value) {
        return tag + String.format("%02d", value.length()) + value;
    }

    /** Appends "6304" and the CRC over the UTF-8 bytes of everything before it. */
    static String withCrc(String body) {
        String covered = body + "6304";
        return covered + String.format("%04X", crc(covered.getBytes(StandardCharsets.UTF_8)));
    }

    /** CRC-16/CCITT-FALSE, written bit by bit from its definition: poly x^16+x^12+x^5+1, init 0xFFFF, MSB first. */
    static int crc(byte[] bytes) {
        int register = 0xFFFF;
        for (byte b : bytes) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean inputBit = ((b >> bit) & 1) == 1;
                boolean topBit = (register & 0x8000) != 0;
                register = (register << 1) & 0xFFFF;
                if (inputBit ^ topBit) {
                    register ^= 0x1021;
                }
            }
        }
        return register;
    }

    /** A static JPQR-like payload of a Tokyo shop, with the given extra data objects inserted before tag 52. */
    static String tokyoShop(String... extra) {
        StringBuilder body = new StringBuilder(tlv("00", "01") + tlv("01", "11")
                + tlv("26", tlv("00", "jp.or.paymentsjapan") + tlv("01", "0000000000001")));
        for (String object : extra) {
            body.append(object);
        }
        body.append(tlv("52", "5812")).append(tlv("53", "392")).append(tlv("58", "JP"))
                .append(tlv("59", "SUSHI ZANMAI")).append(tlv("60", "TOKYO"));
        return withCrc(body.toString());
    }

    /** The EMVCo MPM specification's worked example (Appendix), Chinese text in the language template. */
    static final String EMVCO_EXAMPLE = "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678"
            + "520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***"
            + "0708A60086670902ME91320016A0112233449988770708123456786304A13A";
}
