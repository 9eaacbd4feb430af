package com.kakehashi.qr.emv;

import com.kakehashi.qr.emv.EmvQrException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * EMVCo QR Code Specification for Payment Systems, Merchant-Presented Mode: strict decoding and
 * canonical encoding. Pure Java, no framework: usable by any integrator.
 */
public final class EmvQrCodec {
    private EmvQrCodec() {}

    /** Decodes and verifies a payload; the only exception it throws is {@link EmvQrException}. */
    public static MerchantPresentedQr decode(String payload) {
        try {
            return MpmDecoder.decode(payload);
        } catch (EmvQrException e) {
            throw e;
        } catch (RuntimeException e) {
            // A defect here must still surface as a refusal of the payload, never as a crash of the caller.
            throw new EmvQrException(Reason.INVALID_VALUE, -1, "unreadable payload: " + e);
        }
    }

    /**
     * Decodes a payload as networks issue it: departures from the specification become warnings; only what makes
     * paying unsafe throws (CRC_MISMATCH, a broken structure, or NOT_PAYABLE). Codes this service issues are checked
     * with the strict {@link #decode} instead.
     */
    public static LenientDecoding decodeLenient(String payload) {
        try {
            return LenientMpmDecoder.decode(payload);
        } catch (EmvQrException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EmvQrException(Reason.INVALID_VALUE, -1, "unreadable payload: " + e);
        }
    }

    /**
     * Encodes canonically: tags ascending (so 00 and 01 first), CRC (tag 63, uppercase) last. The result is
     * decoded again before it is returned, so an encoder never emits a payload its decoder would refuse.
     */
    public static String encode(MerchantPresentedQr qr) {
        List<DataObject> objects = new ArrayList<>();
        add(objects, "00", qr.payloadFormatIndicator());
        add(
                objects,
                "01",
                qr.pointOfInitiation() == null ? null : qr.pointOfInitiation().code());
        for (MerchantAccountInfo account : qr.merchantAccounts()) {
            requireTagBetween(
                    account.tag(),
                    account.isTemplate() ? 26 : 2,
                    account.isTemplate() ? 51 : 25,
                    account.isTemplate() ? "a merchant account template" : "a primitive merchant account");
            if (account.isTemplate()) {
                List<DataObject> subObjects = new ArrayList<>();
                // Without an identifier the decoder below refuses the template, as it should.
                add(subObjects, "00", account.globallyUniqueId());
                subObjects.addAll(account.subObjects());
                objects.add(new DataObject(account.tag(), concatenate(subObjects)));
            } else {
                objects.add(new DataObject(account.tag(), account.primitiveValue()));
            }
        }
        add(objects, "52", qr.merchantCategoryCode());
        add(objects, "53", qr.transactionCurrency());
        add(objects, "54", qr.transactionAmount());
        add(objects, "55", qr.tipOrConvenienceIndicator());
        add(objects, "56", qr.convenienceFeeFixed());
        add(objects, "57", qr.convenienceFeePercentage());
        add(objects, "58", qr.countryCode());
        add(objects, "59", qr.merchantName());
        add(objects, "60", qr.merchantCity());
        add(objects, "61", qr.postalCode());
        if (!qr.additionalData().isEmpty()) {
            objects.add(new DataObject("62", concatenate(qr.additionalData())));
        }
        if (!qr.merchantInformationLanguage().isEmpty()) {
            objects.add(new DataObject("64", concatenate(qr.merchantInformationLanguage())));
        }
        for (DataObject other : qr.otherTags()) {
            requireTagBetween(other.tag(), 65, 99, "an unnamed data object");
            objects.add(other);
        }
        objects.sort(Comparator.comparing(DataObject::tag));
        String body = concatenate(objects) + "6304";
        String payload = body + Crc16.hex(body.getBytes(StandardCharsets.UTF_8));
        decode(payload);
        return payload;
    }

    /** A data object in a tag the decoder reads differently would come back as something else: refuse it. */
    private static void requireTagBetween(String tag, int from, int to, String what) {
        boolean fits = tag != null
                && tag.length() == 2
                && TlvScanner.isDigits(tag)
                && Integer.parseInt(tag) >= from
                && Integer.parseInt(tag) <= to;
        if (!fits) {
            throw new EmvQrException(
                    Reason.INVALID_TAG,
                    -1,
                    "tag " + tag + " cannot hold " + what + "; it takes tags " + from + " to " + to);
        }
    }

    private static void add(List<DataObject> objects, String tag, String value) {
        if (value != null) {
            objects.add(new DataObject(tag, value));
        }
    }

    private static String concatenate(List<DataObject> objects) {
        StringBuilder text = new StringBuilder();
        for (DataObject object : objects) {
            int length = object.value().codePointCount(0, object.value().length()); // characters, not Java chars
            if (length < 1 || length > 99) {
                throw new EmvQrException(
                        Reason.INVALID_LENGTH,
                        -1,
                        "tag " + object.tag() + " must hold 1 to 99 characters, has " + length);
            }
            text.append(object.tag())
                    .append(length < 10 ? "0" : "")
                    .append(length)
                    .append(object.value());
        }
        return text.toString();
    }
}
