package com.kakehashi.qr.emv;

import com.kakehashi.qr.emv.EmvQrException.Reason;
import com.kakehashi.qr.emv.TlvScanner.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decodes merchant-presented codes as networks issue them, not as the specification wishes: PromptPay and VietQR
 * without tag 52, PayNow with an empty name, Pix with a long city, DuitNow with opaque templates 80-99. Each such
 * departure is a warning. Only what makes paying unsafe is refused: a wrong CRC, broken top-level TLV, no
 * transaction currency, an unreadable amount, no merchant account to reach the merchant by.
 */
final class LenientMpmDecoder {
    private static final Pattern ANS = Pattern.compile("[\\x20-\\x7E]*");
    private static final Pattern AMOUNT = Pattern.compile("(?=.*[0-9])[0-9]*(\\.[0-9]*)?");

    private LenientMpmDecoder() {}

    static LenientDecoding decode(String payload) {
        if (payload == null || payload.isEmpty()) {
            throw new EmvQrException(Reason.EMPTY_PAYLOAD, -1, "the payload is empty");
        }
        FieldRules.requireNoControlCharacters(payload);
        List<Field> fields = TlvScanner.scan(payload, 0, true);
        String crc = MpmDecoder.verifyCrc(payload, fields);
        List<String> warnings = new ArrayList<>();
        Map<String, Field> byTag = new LinkedHashMap<>();
        fields.forEach(f -> byTag.put(f.tag(), f));
        if (!fields.get(0).tag().equals("00")) {
            warnings.add("tag 00 (payload format indicator) is not the first data object");
        }
        List<MerchantAccountInfo> accounts = new ArrayList<>();
        List<DataObject> otherTags = new ArrayList<>();
        for (Field field : fields) {
            int tag = Integer.parseInt(field.tag());
            if (tag >= 2 && tag <= 25) {
                accounts.add(MerchantAccountInfo.primitive(field.tag(), field.value()));
            } else if (tag >= 26 && tag <= 51) {
                accountTemplate(field, warnings).ifPresent(accounts::add);
            } else if (tag >= 65 && tag != 63) {
                if (tag >= 80) {
                    checkUnreservedTemplate(field, warnings);
                }
                otherTags.add(new DataObject(field.tag(), field.value()));
            }
        }
        requirePayable(byTag, accounts);
        String amount = byTag.containsKey("54") ? amount(byTag.get("54")) : null;
        String mcc = optional(byTag, "52", warnings, "tag 52 (merchant category code) is missing");
        if (mcc != null && !(mcc.length() == 4 && TlvScanner.isDigits(mcc))) {
            warnings.add("tag 52 should be 4 digits, is '" + mcc + "'");
        }
        String country = optional(byTag, "58", warnings, "tag 58 (country code) is missing");
        String name = text(byTag, "59", 25, "merchant name", warnings);
        String city = text(byTag, "60", 15, "merchant city", warnings);
        return new LenientDecoding(
                new MerchantPresentedQr(
                        value(byTag, "00"),
                        byTag.containsKey("01")
                                ? PointOfInitiation.ofCode(byTag.get("01").value())
                                        .orElse(null)
                                : null,
                        accounts,
                        mcc,
                        byTag.get("53").value(),
                        amount,
                        value(byTag, "55"),
                        value(byTag, "56"),
                        value(byTag, "57"),
                        country,
                        name,
                        city,
                        value(byTag, "61"),
                        subObjects(byTag.get("62"), warnings),
                        subObjects(byTag.get("64"), warnings),
                        otherTags,
                        crc),
                warnings);
    }

    private static void requirePayable(Map<String, Field> byTag, List<MerchantAccountInfo> accounts) {
        Field currency = byTag.get("53");
        if (currency == null || currency.value().length() != 3 || !TlvScanner.isDigits(currency.value())) {
            throw new EmvQrException(
                    Reason.NOT_PAYABLE,
                    currency == null ? -1 : currency.valuePosition(),
                    "no transaction currency: tag 53 must hold a 3-digit ISO 4217 code");
        }
        if (accounts.isEmpty()) {
            throw new EmvQrException(
                    Reason.NOT_PAYABLE,
                    -1,
                    "no way to reach the merchant: no readable merchant account information (tags 02-51)");
        }
    }

    private static String amount(Field field) {
        if (field.value().length() > 13 || !AMOUNT.matcher(field.value()).matches()) {
            throw new EmvQrException(
                    Reason.NOT_PAYABLE,
                    field.valuePosition(),
                    "the amount (tag 54) '" + field.value() + "' cannot be read as a decimal");
        }
        return field.value();
    }

    private static java.util.Optional<MerchantAccountInfo> accountTemplate(Field field, List<String> warnings) {
        List<Field> subFields;
        try {
            subFields = TlvScanner.scan(field.value(), field.valuePosition(), true);
        } catch (EmvQrException e) {
            warnings.add("merchant account template " + field.tag() + " is not TLV and was skipped: " + e.getMessage());
            return java.util.Optional.empty();
        }
        String guid = null;
        List<DataObject> rest = new ArrayList<>();
        for (Field sub : subFields) {
            if (sub.tag().equals("00")) {
                guid = sub.value();
            } else {
                rest.add(new DataObject(sub.tag(), sub.value()));
            }
        }
        if (guid == null) {
            warnings.add(
                    "merchant account template " + field.tag() + " has no globally unique identifier (sub-tag 00)");
            guid = "";
        }
        return java.util.Optional.of(MerchantAccountInfo.template(field.tag(), guid, rest));
    }

    private static void checkUnreservedTemplate(Field field, List<String> warnings) {
        try {
            TlvScanner.scan(field.value(), field.valuePosition(), true);
        } catch (EmvQrException e) {
            warnings.add("template " + field.tag() + " is not TLV with numeric sub-tags; kept verbatim");
        }
    }

    private static List<DataObject> subObjects(Field field, List<String> warnings) {
        if (field == null) {
            return List.of();
        }
        try {
            return TlvScanner.scan(field.value(), field.valuePosition(), true).stream()
                    .map(f -> new DataObject(f.tag(), f.value()))
                    .toList();
        } catch (EmvQrException e) {
            warnings.add("template " + field.tag() + " is not well-formed TLV and was ignored");
            return List.of();
        }
    }

    private static String optional(Map<String, Field> byTag, String tag, List<String> warnings, String missing) {
        if (!byTag.containsKey(tag)) {
            warnings.add(missing);
            return null;
        }
        return byTag.get(tag).value();
    }

    private static String text(
            Map<String, Field> byTag, String tag, int maxLength, String what, List<String> warnings) {
        Field field = byTag.get(tag);
        if (field == null) {
            warnings.add("tag " + tag + " (" + what + ") is missing");
            return null;
        }
        String value = field.value();
        int length = value.codePointCount(0, value.length());
        if (length == 0) {
            warnings.add("tag " + tag + " (" + what + ") is empty");
        } else if (length > maxLength) {
            warnings.add("tag " + tag + " (" + what + ") has " + length + " characters; EMVCo allows " + maxLength);
        }
        if (!ANS.matcher(value).matches()) {
            warnings.add("tag " + tag + " (" + what + ") has characters outside printable ASCII");
        }
        return value;
    }

    private static String value(Map<String, Field> byTag, String tag) {
        Field field = byTag.get(tag);
        return field == null ? null : field.value();
    }
}
