package com.kakehashi.qr.emv;

import com.kakehashi.qr.emv.EmvQrException.Reason;
import com.kakehashi.qr.emv.TlvScanner.Field;
import java.util.regex.Pattern;

/** The format rules of individual data objects (EMVCo MPM section 4). */
final class FieldRules {
    /** Digits with at most one decimal mark and at least one digit: "999", "1.0", "390.8", "98.". */
    private static final Pattern AMOUNT = Pattern.compile("(?=.*[0-9])[0-9]*(\\.[0-9]*)?");

    private static final int AMOUNT_MAX_LENGTH = 13;

    private FieldRules() {}

    /** Control characters and broken surrogate pairs are refused anywhere in a payload. */
    static void requireNoControlCharacters(String payload) {
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < payload.length()
                    && Character.isLowSurrogate(payload.charAt(i + 1));
            boolean loneSurrogate = Character.isSurrogate(c) && !pair;
            if (control || loneSurrogate) {
                throw new EmvQrException(
                        Reason.INVALID_CHARACTER, i, String.format("character U+%04X is not allowed", (int) c));
            }
            if (pair) {
                i++;
            }
        }
    }

    /** "ans": the EMV common character set, printable ASCII. */
    static String alphanumericSpecial(Field field, int maxLength) {
        requireMaxLength(field, maxLength);
        String value = field.value();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new EmvQrException(
                        Reason.INVALID_CHARACTER,
                        field.valuePosition() + i,
                        "tag " + field.tag() + " allows only printable ASCII characters");
            }
        }
        return value;
    }

    static String numeric(Field field, int exactLength) {
        if (field.value().length() != exactLength || !TlvScanner.isDigits(field.value())) {
            throw new EmvQrException(
                    Reason.INVALID_VALUE,
                    field.valuePosition(),
                    "tag " + field.tag() + " must be " + exactLength + " digits, not '" + field.value() + "'");
        }
        return field.value();
    }

    static String oneOf(Field field, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(field.value())) {
                return candidate;
            }
        }
        throw new EmvQrException(
                Reason.INVALID_VALUE,
                field.valuePosition(),
                "tag " + field.tag() + " must be one of " + String.join(", ", allowed) + ", not '" + field.value()
                        + "'");
    }

    static String amount(Field field) {
        String value = field.value();
        if (value.length() > AMOUNT_MAX_LENGTH || !AMOUNT.matcher(value).matches()) {
            throw new EmvQrException(
                    Reason.INVALID_AMOUNT,
                    field.valuePosition(),
                    "tag " + field.tag() + " must be up to 13 characters of digits and one '.', not '" + value + "'");
        }
        return value;
    }

    /** Tag 57: a percentage strictly between 0 and 100, for example "3.5". */
    static String percentage(Field field) {
        String value = amount(field);
        String whole = value.contains(".") ? value.substring(0, value.indexOf('.')) : value;
        String fraction = value.contains(".") ? value.substring(value.indexOf('.') + 1) : "";
        boolean zero = (whole + fraction).chars().allMatch(c -> c == '0');
        boolean belowHundred = whole.replaceFirst("^0+", "").length() <= 2;
        if (zero || !belowHundred) {
            throw new EmvQrException(
                    Reason.INVALID_VALUE,
                    field.valuePosition(),
                    "tag 57 must be a percentage between 00.01 and 99.99, not '" + value + "'");
        }
        return value;
    }

    static String countryCode(Field field) {
        String value = field.value();
        if (value.length() != 2
                || !Character.isLetter(value.charAt(0))
                || !Character.isLetter(value.charAt(1))
                || !value.equals(value.toUpperCase(java.util.Locale.ROOT))
                || value.chars().anyMatch(c -> c > 0x7E)) {
            throw new EmvQrException(
                    Reason.INVALID_VALUE,
                    field.valuePosition(),
                    "tag 58 must be an ISO 3166-1 alpha-2 country code, not '" + value + "'");
        }
        return value;
    }

    static void requireMaxLength(Field field, int maxLength) {
        int length = field.value().codePointCount(0, field.value().length());
        if (length > maxLength) {
            throw new EmvQrException(
                    Reason.INVALID_LENGTH,
                    field.position() + 2,
                    "tag " + field.tag() + " allows at most " + maxLength + " characters, has " + length);
        }
    }
}
