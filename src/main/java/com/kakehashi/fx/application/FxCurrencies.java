package com.kakehashi.fx.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.UnknownCurrencyException;

/**
 * ISO 4217 currencies a rate or an indicative conversion may name (any, not only those wallets and
 * merchants hold). Resolved through Moneta once per code and cached: JSR-354 lookups are per call otherwise.
 */
public final class FxCurrencies {
    private static final Map<String, CurrencyUnit> CACHE = new ConcurrentHashMap<>();

    private FxCurrencies() {}

    public static CurrencyUnit known(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new BusinessException(
                    ErrorCode.UNSUPPORTED_CURRENCY, "Currency '" + code + "' is not an ISO 4217 code");
        }
        return CACHE.computeIfAbsent(code, FxCurrencies::lookUp);
    }

    private static CurrencyUnit lookUp(String code) {
        try {
            return Monetary.getCurrency(code);
        } catch (UnknownCurrencyException e) {
            throw new BusinessException(
                    ErrorCode.UNSUPPORTED_CURRENCY, "Currency '" + code + "' is not an ISO 4217 code");
        }
    }
}
