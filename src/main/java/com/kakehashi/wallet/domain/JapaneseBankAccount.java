package com.kakehashi.wallet.domain;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Zengin-style Japanese account: 4-digit bank code, 3-digit branch code, account type,
 * 7-digit account number, holder name in katakana or upper-case latin (as banks register it).
 */
public record JapaneseBankAccount(
        String bankCode, String branchCode, AccountType accountType, String accountNumber, String holderName) {

    public enum AccountType {
        ORDINARY,
        CURRENT,
        SAVINGS
    }

    private static final Pattern BANK_CODE = Pattern.compile("\\d{4}");
    private static final Pattern BRANCH_CODE = Pattern.compile("\\d{3}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\d{7}");
    // Half- and full-width katakana, latin capitals, digits, space and the punctuation Zengin allows.
    private static final Pattern HOLDER =
            Pattern.compile("[\\u30A0-\\u30FF\\uFF65-\\uFF9F A-Z0-9().,\\-/\\u3000]{1,60}");

    public JapaneseBankAccount {
        require(bankCode != null && BANK_CODE.matcher(bankCode).matches(), "bankCode must be 4 digits");
        require(branchCode != null && BRANCH_CODE.matcher(branchCode).matches(), "branchCode must be 3 digits");
        require(accountType != null, "accountType must be ORDINARY, CURRENT or SAVINGS");
        require(
                accountNumber != null && ACCOUNT_NUMBER.matcher(accountNumber).matches(),
                "accountNumber must be 7 digits");
        require(
                holderName != null
                        && !holderName.isBlank()
                        && HOLDER.matcher(holderName).matches(),
                "holderName must be 1-60 characters of katakana or upper-case latin letters");
    }

    public static AccountType accountType(String text) {
        try {
            return AccountType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new BusinessException(
                    ErrorCode.BANK_ACCOUNT_INVALID,
                    "accountType must be ORDINARY, CURRENT or SAVINGS; got '" + text + "'");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new BusinessException(ErrorCode.BANK_ACCOUNT_INVALID, message);
        }
    }
}
