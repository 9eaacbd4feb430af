package com.kakehashi.common.zengin;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Japanese bank account as Zengin files name it: bank code (4 digits), branch code (3), deposit type
 * (1 普通, 2 当座, 4 貯蓄, 9 その他) and account number (7). Written {@code 0005-123-1-1234567}.
 */
public record ZenginAccount(String bankCode, String branchCode, char depositType, String number) {
    private static final Pattern FORM = Pattern.compile("(\\d{4})-(\\d{3})-([1249])-(\\d{7})");

    public static Optional<ZenginAccount> parse(String account) {
        if (account == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(account);
        return m.matches()
                ? Optional.of(
                        new ZenginAccount(m.group(1), m.group(2), m.group(3).charAt(0), m.group(4)))
                : Optional.empty();
    }

    public static final String FORM_DESCRIPTION =
            "bank-branch-type-number, e.g. 0005-123-1-1234567 (type 1 普通, 2 当座," + " 4 貯蓄, 9 その他)";
}
