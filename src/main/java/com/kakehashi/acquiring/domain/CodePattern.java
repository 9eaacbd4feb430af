package com.kakehashi.acquiring.domain;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How an acquirer recognises the merchant codes it can resolve: a network name (ALIPAY, WECHAT, UNIONPAY,
 * ALIPAY_PLUS, ...) and a regular expression the whole scanned payload must match.
 */
public record CodePattern(String network, String regex) {
    private static final Pattern NETWORK = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");
    private static final int MAX_REGEX_LENGTH = 300;

    public CodePattern {
        if (network == null || !NETWORK.matcher(network).matches()) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST,
                    "codePatterns[].network must be an upper-case network name such as ALIPAY, got '" + network + "'");
        }
        if (regex == null || regex.isBlank() || regex.length() > MAX_REGEX_LENGTH) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST,
                    "codePatterns[].pattern must be a regular expression of 1-" + MAX_REGEX_LENGTH + " characters");
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST,
                    "codePatterns[].pattern is not a valid regular" + " expression: " + e.getDescription());
        }
    }

    public boolean matches(String payload) {
        return Pattern.compile(regex).matcher(payload).matches();
    }
}
