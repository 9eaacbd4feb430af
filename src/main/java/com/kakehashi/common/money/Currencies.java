package com.kakehashi.common.money;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.Monetary;

/** The currencies Kakehashi moves, with their ISO 4217 numeric codes (used in EMVCo QR tag 53). */
public final class Currencies {
    public static final CurrencyUnit JPY = Monetary.getCurrency("JPY");
    public static final CurrencyUnit CNY = Monetary.getCurrency("CNY");

    private static final Map<String, CurrencyUnit> SUPPORTED = Map.of("JPY", JPY, "CNY", CNY);
    private static final Map<String, CurrencyUnit> BY_NUMERIC = Map.of("392", JPY, "156", CNY);

    private Currencies() {}

    /** Resolves a supported alphabetic code or fails with {@code unsupported_currency}. */
    public static CurrencyUnit supported(String code) {
        CurrencyUnit unit = code == null ? null : SUPPORTED.get(code);
        if (unit == null) {
            throw new BusinessException(
                    ErrorCode.UNSUPPORTED_CURRENCY, "Currency '" + code + "' is not supported; supported: JPY, CNY");
        }
        return unit;
    }

    /** Resolves an ISO 4217 numeric code (e.g. "392") or fails with {@code unsupported_currency}. */
    public static CurrencyUnit byNumericCode(String numeric) {
        CurrencyUnit unit = numeric == null ? null : BY_NUMERIC.get(numeric);
        if (unit == null) {
            throw new BusinessException(
                    ErrorCode.UNSUPPORTED_CURRENCY,
                    "ISO 4217 numeric currency '" + numeric + "' is not supported; supported: 392 (JPY), 156 (CNY)");
        }
        return unit;
    }

    public static String numericCode(CurrencyUnit unit) {
        return String.format("%03d", unit.getNumericCode());
    }

    /** Digits after the decimal point in the currency's minor unit: JPY 0, CNY 2. */
    public static int minorDigits(CurrencyUnit unit) {
        return unit.getDefaultFractionDigits();
    }
}
