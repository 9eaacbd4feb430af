package com.kakehashi.common.money;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import javax.money.CurrencyUnit;
import org.javamoney.moneta.Money;

/**
 * Exact conversions between the wire (decimal strings), the database (minor units) and
 * {@link Money}. Nothing here rounds: an amount that does not fit its currency's minor unit
 * is an error, never silently adjusted.
 */
public final class Amounts {
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,15})?");

    private Amounts() {}

    /** Parses a strictly positive decimal string in the given currency. */
    public static Money parsePositive(String amount, String currencyCode) {
        CurrencyUnit currency = Currencies.supported(currencyCode);
        if (amount == null || !DECIMAL.matcher(amount).matches()) {
            throw new BusinessException(
                    ErrorCode.INVALID_AMOUNT,
                    "Amount '" + amount + "' must be a plain decimal string such as \"1280\" or \"128.50\"");
        }
        BigDecimal value = new BigDecimal(amount);
        if (value.signum() <= 0) {
            throw new BusinessException(ErrorCode.INVALID_AMOUNT, "Amount must be greater than zero");
        }
        return exact(value, currency);
    }

    /** Wraps an exact value, refusing more decimals than the currency's minor unit. */
    public static Money exact(BigDecimal value, CurrencyUnit currency) {
        int digits = Currencies.minorDigits(currency);
        if (value.stripTrailingZeros().scale() > digits) {
            throw new BusinessException(
                    ErrorCode.AMOUNT_PRECISION,
                    currency.getCurrencyCode() + " allows " + digits + " decimal(s); got " + value.toPlainString());
        }
        return Money.of(value.setScale(digits), currency);
    }

    public static long toMinor(Money money) {
        int digits = Currencies.minorDigits(money.getCurrency());
        return money.getNumberStripped().movePointRight(digits).longValueExact();
    }

    public static Money fromMinor(long minor, CurrencyUnit currency) {
        return Money.of(BigDecimal.valueOf(minor, Currencies.minorDigits(currency)), currency);
    }

    public static Money fromMinor(long minor, String currencyCode) {
        return fromMinor(minor, Currencies.supported(currencyCode));
    }

    /** The canonical decimal string: the currency's scale, no exponent ("1280", "128.50"). */
    public static String format(Money money) {
        int digits = Currencies.minorDigits(money.getCurrency());
        return money.getNumberStripped().setScale(digits).toPlainString();
    }
}
