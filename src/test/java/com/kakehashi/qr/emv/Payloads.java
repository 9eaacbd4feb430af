package com.kakehashi.qr.emv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds EMVCo payloads by hand, from the specification, with a CRC computed independently of the codec: nothing
 * here calls production code, so a test built on it cannot agree with the codec by sharing its mistakes.
 */
final class Payloads {
    private Payloads() {}

    /**
     * The worked example of the EMVCo MPM specification (Appendix), Chinese text in the language template 64.
     *
     * <p>A shorter version of it circulates with {@code 64200002ZH0102北京0202北京}: there template 64 declares 20
     * characters but holds only 18 ({@code 0002ZH} 6, {@code 0102北京} 6, {@code 0202北京} 6), so its structure is
     * broken and the A13A at its end is not its CRC (its body computes to 9337). The specification's text has the
     * alternate merchant name 最佳运输 ("best transport", 4 characters): 6 + 8 + 6 = 20 characters, and the CRC over
     * the UTF-8 bytes (each of the 6 Chinese characters is 3 bytes) of everything up to and including "6304" is
     * A13A. Lengths count characters; the CRC runs over bytes.
     */
    static final String EMVCO_EXAMPLE = "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678"
            + "520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***"
            + "0708A60086670902ME91320016A0112233449988770708123456786304A13A";

    /** A data object: two-digit tag, two-digit length in characters (code points), value. */
    static String tlv(String tag, String value) {
        int length = value.codePointCount(0, value.length());
        return tag + (length < 10 ? "0" : "") + length + value;
    }

    /** Appends "6304" and the uppercase CRC over the UTF-8 bytes of everything up to and including "6304". */
    static String withCrc(String body) {
        String covered = body + "6304";
        return covered + hex4(crc(covered.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * CRC-16/CCITT-FALSE written bit by bit from its definition (a different shape from the codec's table-free
     * byte loop): generator x^16 + x^12 + x^5 + 1 (0x1021), register preset to 0xFFFF, most significant bit
     * first, no final XOR.
     */
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

    static String hex4(int value) {
        String hex = Integer.toHexString(value).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(4 - hex.length()) + hex;
    }

    /** A static JPQR-like payload of a Tokyo shop, with the given extra data objects inserted before tag 52. */
    static String tokyoShop(String... extra) {
        Body body = Body.tokyoShop();
        for (String object : extra) {
            body.insertBefore("52", object);
        }
        return body.payload();
    }

    /** The data objects of a payload before its CRC, to be changed one by one; each is kept as its raw text. */
    static final class Body {
        private final List<String> objects = new ArrayList<>();

        static Body of(String... objects) {
            Body body = new Body();
            body.objects.addAll(List.of(objects));
            return body;
        }

        /** 00, 01 (static), 26 (JPQR-like identifier), 52, 53, 58, 59, 60. */
        static Body tokyoShop() {
            return of(
                    tlv("00", "01"),
                    tlv("01", "11"),
                    tlv("26", tlv("00", "jp.or.paymentsjapan") + tlv("01", "0000000000001")),
                    tlv("52", "5812"),
                    tlv("53", "392"),
                    tlv("58", "JP"),
                    tlv("59", "SUSHI ZANMAI"),
                    tlv("60", "TOKYO"));
        }

        /** Replaces the object with this tag by {@code raw} (which may be malformed), or appends it. */
        Body raw(String tag, String raw) {
            int at = indexOf(tag);
            if (at < 0) {
                objects.add(raw);
            } else {
                objects.set(at, raw);
            }
            return this;
        }

        Body set(String tag, String value) {
            return raw(tag, tlv(tag, value));
        }

        Body without(String tag) {
            int at = indexOf(tag);
            if (at < 0) {
                throw new IllegalArgumentException("no tag " + tag + " in " + objects);
            }
            objects.remove(at);
            return this;
        }

        Body append(String raw) {
            objects.add(raw);
            return this;
        }

        Body insertBefore(String tag, String raw) {
            objects.add(indexOf(tag), raw);
            return this;
        }

        /** The text before the CRC. */
        String text() {
            return String.join("", objects);
        }

        String payload() {
            return withCrc(text());
        }

        /** Where the object with this tag starts in the payload. */
        int positionOf(String tag) {
            int at = indexOf(tag);
            if (at < 0) {
                throw new IllegalArgumentException("no tag " + tag + " in " + objects);
            }
            return String.join("", objects.subList(0, at)).length();
        }

        private int indexOf(String tag) {
            for (int i = 0; i < objects.size(); i++) {
                if (objects.get(i).startsWith(tag)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
