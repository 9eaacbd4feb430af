package com.kakehashi.qr.emv;

import com.kakehashi.qr.emv.EmvQrException.Reason;
import com.kakehashi.qr.emv.TlvScanner.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Strict decoding of a merchant-presented mode payload: structure, then CRC, then each field's rules. */
final class MpmDecoder {
    private static final String CRC_TAG = "63";

    private MpmDecoder() {}

    static MerchantPresentedQr decode(String payload) {
        if (payload == null || payload.isEmpty()) {
            throw new EmvQrException(Reason.EMPTY_PAYLOAD, -1, "the payload is empty");
        }
        FieldRules.requireNoControlCharacters(payload);
        List<Field> fields = TlvScanner.scan(payload, 0);
        String crc = verifyCrc(payload, fields);
        if (!fields.get(0).tag().equals("00")) {
            Field formatIndicator = fields.stream()
                    .filter(f -> f.tag().equals("00"))
                    .findFirst()
                    .orElseThrow(() -> new EmvQrException(
                            Reason.MISSING_MANDATORY_TAG,
                            -1,
                            "mandatory tag 00 (payload format indicator) is missing"));
            throw new EmvQrException(
                    Reason.MISPLACED_TAG,
                    formatIndicator.position(),
                    "the payload must start with tag 00 (payload format indicator)");
        }
        return interpret(fields, crc);
    }

    static String verifyCrc(String payload, List<Field> fields) {
        Field last = fields.get(fields.size() - 1);
        for (Field field : fields) {
            if (field.tag().equals(CRC_TAG) && field != last) {
                throw new EmvQrException(
                        Reason.CRC_MISSING_OR_MISPLACED, field.position(), "tag 63 (CRC) must be the last data object");
            }
        }
        if (!last.tag().equals(CRC_TAG)) {
            throw new EmvQrException(Reason.CRC_MISSING_OR_MISPLACED, -1, "the payload does not end with tag 63 (CRC)");
        }
        if (last.value().length() != 4) {
            throw new EmvQrException(Reason.INVALID_LENGTH, last.position() + 2, "tag 63 (CRC) must have length 04");
        }
        String carried = last.value();
        if (!carried.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
            throw new EmvQrException(
                    Reason.INVALID_CHARACTER,
                    last.valuePosition(),
                    "tag 63 must be 4 hexadecimal digits, not '" + carried + "'");
        }
        // The checksum covers every byte (UTF-8) before the CRC value, including "6304" itself.
        String expected = Crc16.hex(payload.substring(0, last.valuePosition()).getBytes(StandardCharsets.UTF_8));
        if (!expected.equalsIgnoreCase(carried)) {
            throw new EmvQrException(
                    Reason.CRC_MISMATCH,
                    last.valuePosition(),
                    "CRC is " + carried + " but the payload computes to " + expected);
        }
        return carried.toUpperCase(Locale.ROOT);
    }

    private static MerchantPresentedQr interpret(List<Field> fields, String crc) {
        Map<String, Field> byTag = new HashMap<>();
        List<MerchantAccountInfo> accounts = new ArrayList<>();
        List<DataObject> otherTags = new ArrayList<>();
        for (Field field : fields) {
            byTag.put(field.tag(), field);
            int tag = Integer.parseInt(field.tag());
            if (tag >= 2 && tag <= 25) {
                accounts.add(MerchantAccountInfo.primitive(field.tag(), FieldRules.alphanumericSpecial(field, 99)));
            } else if (tag >= 26 && tag <= 51) {
                accounts.add(merchantAccountTemplate(field));
            } else if ((tag >= 65 && tag <= 79) || tag >= 80) {
                if (tag >= 80) {
                    template(field); // unreserved templates must at least be well-formed TLV
                }
                otherTags.add(new DataObject(field.tag(), field.value()));
            }
        }
        for (String mandatory : List.of("00", "52", "53", "58", "59", "60")) {
            if (!byTag.containsKey(mandatory)) {
                throw new EmvQrException(
                        Reason.MISSING_MANDATORY_TAG, -1, "mandatory tag " + mandatory + " is missing");
            }
        }
        if (accounts.isEmpty()) {
            throw new EmvQrException(Reason.MISSING_MANDATORY_TAG, -1, "no merchant account information (tags 02-51)");
        }
        String tipIndicator = byTag.containsKey("55") ? FieldRules.oneOf(byTag.get("55"), "01", "02", "03") : null;
        String fixedFee = byTag.containsKey("56") ? FieldRules.amount(byTag.get("56")) : null;
        String percentageFee = byTag.containsKey("57") ? FieldRules.percentage(byTag.get("57")) : null;
        requireFeeConsistency(tipIndicator, byTag);
        return new MerchantPresentedQr(
                FieldRules.oneOf(byTag.get("00"), "01", "02"),
                byTag.containsKey("01")
                        ? PointOfInitiation.ofCode(FieldRules.oneOf(byTag.get("01"), "11", "12"))
                                .orElseThrow()
                        : null,
                accounts,
                FieldRules.numeric(byTag.get("52"), 4),
                FieldRules.numeric(byTag.get("53"), 3),
                byTag.containsKey("54") ? FieldRules.amount(byTag.get("54")) : null,
                tipIndicator,
                fixedFee,
                percentageFee,
                FieldRules.countryCode(byTag.get("58")),
                FieldRules.alphanumericSpecial(byTag.get("59"), 25),
                FieldRules.alphanumericSpecial(byTag.get("60"), 15),
                byTag.containsKey("61") ? FieldRules.alphanumericSpecial(byTag.get("61"), 10) : null,
                byTag.containsKey("62") ? additionalData(byTag.get("62")) : List.of(),
                byTag.containsKey("64") ? languageTemplate(byTag.get("64")) : List.of(),
                otherTags,
                crc);
    }

    private static void requireFeeConsistency(String tipIndicator, Map<String, Field> byTag) {
        boolean fixed = "02".equals(tipIndicator);
        boolean percentage = "03".equals(tipIndicator);
        if (fixed != byTag.containsKey("56")) {
            Field where = byTag.getOrDefault("56", byTag.get("55"));
            throw new EmvQrException(
                    fixed ? Reason.MISSING_MANDATORY_TAG : Reason.INVALID_VALUE,
                    where == null ? -1 : where.position(),
                    "tag 56 (fixed fee) goes with tag 55 = 02 and only with it");
        }
        if (percentage != byTag.containsKey("57")) {
            Field where = byTag.getOrDefault("57", byTag.get("55"));
            throw new EmvQrException(
                    percentage ? Reason.MISSING_MANDATORY_TAG : Reason.INVALID_VALUE,
                    where == null ? -1 : where.position(),
                    "tag 57 (percentage fee) goes with tag 55 = 03 and only with it");
        }
    }

    private static MerchantAccountInfo merchantAccountTemplate(Field field) {
        List<Field> subFields = template(field);
        Field guid = subFields.stream()
                .filter(f -> f.tag().equals("00"))
                .findFirst()
                .orElseThrow(() -> new EmvQrException(
                        Reason.INVALID_TEMPLATE,
                        field.valuePosition(),
                        "merchant account template " + field.tag()
                                + " has no globally unique identifier (sub-tag 00)"));
        List<DataObject> rest = new ArrayList<>();
        for (Field sub : subFields) {
            String value = FieldRules.alphanumericSpecial(sub, 99);
            if (sub != guid) {
                rest.add(new DataObject(sub.tag(), value));
            }
        }
        return MerchantAccountInfo.template(field.tag(), FieldRules.alphanumericSpecial(guid, 32), rest);
    }

    private static List<DataObject> additionalData(Field field) {
        List<DataObject> objects = new ArrayList<>();
        for (Field sub : template(field)) {
            int subTag = Integer.parseInt(sub.tag());
            String value = subTag >= 1 && subTag <= 9 ? FieldRules.alphanumericSpecial(sub, 25) : sub.value();
            objects.add(new DataObject(sub.tag(), value));
        }
        return objects;
    }

    private static List<DataObject> languageTemplate(Field field) {
        List<Field> subFields = template(field);
        Map<String, Field> byTag = new HashMap<>();
        subFields.forEach(f -> byTag.put(f.tag(), f));
        for (String mandatory : List.of("00", "01")) {
            if (!byTag.containsKey(mandatory)) {
                throw new EmvQrException(
                        Reason.INVALID_TEMPLATE,
                        field.valuePosition(),
                        "merchant information language template lacks sub-tag " + mandatory);
            }
        }
        Field language = byTag.get("00");
        if (language.value().length() != 2
                || !language.value().chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
            throw new EmvQrException(
                    Reason.INVALID_VALUE,
                    language.valuePosition(),
                    "language preference must be an ISO 639 two-letter code");
        }
        FieldRules.requireMaxLength(byTag.get("01"), 25);
        if (byTag.containsKey("02")) {
            FieldRules.requireMaxLength(byTag.get("02"), 15);
        }
        return subFields.stream().map(f -> new DataObject(f.tag(), f.value())).toList();
    }

    /** A template's value must itself be well-formed TLV; errors point into the payload. */
    private static List<Field> template(Field field) {
        try {
            return TlvScanner.scan(field.value(), field.valuePosition());
        } catch (EmvQrException e) {
            if (e.reason() == Reason.DUPLICATE_TAG) {
                throw e;
            }
            throw new EmvQrException(
                    Reason.INVALID_TEMPLATE,
                    e.position(),
                    "template " + field.tag() + " is not well-formed: " + e.getMessage());
        }
    }
}
