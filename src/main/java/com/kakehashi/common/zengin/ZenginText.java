package com.kakehashi.common.zengin;

import java.nio.charset.Charset;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the Zengin (全銀協) fixed-length formats allow in a name field: upper-case letters, digits, half-width
 * katakana (ｱ-ﾝ, with the voiced marks ﾞ and ﾟ; small kana and ｦ are not allowed), space and the symbols
 * ( ) - . / , ｢ ｣. Each of these is one byte in Shift_JIS, so a field's length in characters is its length in
 * bytes. Used by merchant and bank validation and by the file writers.
 */
public final class ZenginText {
    public static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");
    private static final Pattern ALLOWED =
            Pattern.compile("[0-9A-Z\\uFF71-\\uFF9D\\uFF9E\\uFF9F ()\\-./,\\uFF62\\uFF63]*");

    private ZenginText() {}

    /** Why {@code text} cannot be a Zengin name of at most {@code maxLength} characters, empty when it can. */
    public static Optional<String> refusal(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return Optional.of("a Zengin name is required");
        }
        if (text.length() > maxLength) {
            return Optional.of("a Zengin name has at most " + maxLength + " characters");
        }
        if (!ALLOWED.matcher(text).matches()) {
            return Optional.of(
                    "a Zengin name uses half-width katakana (ｱ-ﾝ ﾞ ﾟ, no small kana), upper-case A-Z, digits,"
                            + " space and ( ) - . / , ｢ ｣ only");
        }
        return Optional.empty();
    }

    public static boolean allowed(String text, int maxLength) {
        return refusal(text, maxLength).isEmpty();
    }
}
