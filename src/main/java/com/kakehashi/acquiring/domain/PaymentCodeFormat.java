package com.kakehashi.acquiring.domain;

import java.util.random.RandomGenerator;

/**
 * The 18-digit one-time code a till scans: a fixed leading digit (so tills can route the code to us), 16
 * random digits (log2(10^16) = 53.2 bits of secret randomness) and a Luhn check digit that catches any
 * single mistyped digit and most swaps before the code reaches the database.
 */
public final class PaymentCodeFormat {
    public static final int LENGTH = 18;
    public static final char LEADING_DIGIT = '8';
    private static final int RANDOM_DIGITS = 16;
    private static final long RANDOM_BOUND = 10_000_000_000_000_000L; // 10^16

    private PaymentCodeFormat() {}

    /** A new code drawn from {@code random}, which must be a cryptographically strong generator. */
    public static String generate(RandomGenerator random) {
        long secret = random.nextLong(RANDOM_BOUND);
        String body = LEADING_DIGIT + String.format("%0" + RANDOM_DIGITS + "d", secret);
        return body + luhnCheckDigit(body);
    }

    /** True when the text has the code's shape and its check digit is right. */
    public static boolean isWellFormed(String code) {
        if (code == null || code.length() != LENGTH || code.charAt(0) != LEADING_DIGIT) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return luhnCheckDigit(code.substring(0, LENGTH - 1)) == code.charAt(LENGTH - 1);
    }

    /** ISO/IEC 7812-1 Luhn: double every second digit from the right of the body. */
    static char luhnCheckDigit(String body) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int digit = body.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
