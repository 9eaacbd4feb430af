package com.kakehashi.qr.emv;

import com.kakehashi.qr.emv.EmvQrException.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits tag-length-value text. Lengths count characters (Unicode code points), not UTF-8 bytes and not Java
 * chars, as EMVCo defines them. Positions are indices into the Java string.
 */
final class TlvScanner {
    /** A data object and the character index of its tag in the whole payload. */
    record Field(String tag, String value, int position) {
        int valuePosition() {
            return position + 4;
        }
    }

    private TlvScanner() {}

    /** @param offset where {@code text} starts in the whole payload, so that errors point at the right place */
    static List<Field> scan(String text, int offset) {
        return scan(text, offset, false);
    }

    /** @param allowEmpty whether length 00 is read as an empty value (lenient decoding) instead of refused */
    static List<Field> scan(String text, int offset, boolean allowEmpty) {
        List<Field> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int at = 0;
        while (at < text.length()) {
            if (at + 4 > text.length()) {
                throw new EmvQrException(
                        Reason.TRUNCATED, offset + at, "a data object needs a 2-digit tag and a 2-digit length");
            }
            String tag = text.substring(at, at + 2);
            if (!isDigits(tag)) {
                throw new EmvQrException(Reason.INVALID_TAG, offset + at, "tag '" + tag + "' is not two digits");
            }
            String lengthText = text.substring(at + 2, at + 4);
            if (!isDigits(lengthText) || (lengthText.equals("00") && !allowEmpty)) {
                throw new EmvQrException(
                        Reason.INVALID_LENGTH,
                        offset + at + 2,
                        "length '" + lengthText + "' of tag " + tag + " is not a number from 01 to 99");
            }
            int length = Integer.parseInt(lengthText);
            int valueStart = at + 4;
            // A character outside the Basic Multilingual Plane is one character but two Java chars.
            int valueEnd = valueStart;
            int characters = 0;
            while (characters < length && valueEnd < text.length()) {
                valueEnd += Character.charCount(text.codePointAt(valueEnd));
                characters++;
            }
            if (characters < length) {
                throw new EmvQrException(
                        Reason.TRUNCATED,
                        offset + at,
                        "tag " + tag + " declares " + length + " characters but only " + characters + " follow");
            }
            if (!seen.add(tag)) {
                throw new EmvQrException(Reason.DUPLICATE_TAG, offset + at, "tag " + tag + " appears twice");
            }
            fields.add(new Field(tag, text.substring(valueStart, valueEnd), offset + at));
            at = valueEnd;
        }
        return fields;
    }

    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
