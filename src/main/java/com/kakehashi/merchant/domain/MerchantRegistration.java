package com.kakehashi.merchant.domain;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Currencies;
import com.kakehashi.common.zengin.ZenginText;
import java.util.Map;
import java.util.regex.Pattern;
import javax.money.CurrencyUnit;

/**
 * A validated request to register a merchant. Name and city obey the EMVCo QR limits (tags 59
 * and 60) because they are printed into every QR; a merchant prices in its country's currency.
 */
public record MerchantRegistration(
        String name,
        String city,
        String country,
        CurrencyUnit currency,
        String mcc,
        String bankId,
        String payoutAccount,
        String payoutAccountHolderKana) {

    private static final Map<String, String> CURRENCY_OF_COUNTRY = Map.of("JP", "JPY", "CN", "CNY");
    private static final Pattern QR_TEXT = Pattern.compile("[\\x20-\\x7E]+");
    private static final Pattern MCC = Pattern.compile("\\d{4}");
    private static final Pattern PAYOUT_ACCOUNT = Pattern.compile("[A-Za-z0-9-]{1,34}");

    public static MerchantRegistration of(
            String name,
            String city,
            String country,
            String currency,
            String mcc,
            String bankId,
            String payoutAccount) {
        return of(name, city, country, currency, mcc, bankId, payoutAccount, null);
    }

    /** @param payoutAccountHolderKana optional; when given, what a Zengin name field allows (30 characters) */
    public static MerchantRegistration of(
            String name,
            String city,
            String country,
            String currency,
            String mcc,
            String bankId,
            String payoutAccount,
            String payoutAccountHolderKana) {
        require(
                name != null && QR_TEXT.matcher(name).matches() && name.length() <= 25 && !name.isBlank(),
                "name must be 1-25 printable ASCII characters (EMVCo tag 59)");
        require(
                city != null && QR_TEXT.matcher(city).matches() && city.length() <= 15 && !city.isBlank(),
                "city must be 1-15 printable ASCII characters (EMVCo tag 60)");
        String expectedCurrency = CURRENCY_OF_COUNTRY.get(country);
        require(expectedCurrency != null, "country must be JP or CN");
        CurrencyUnit unit = Currencies.supported(currency);
        require(
                expectedCurrency.equals(unit.getCurrencyCode()),
                "a merchant in " + country + " prices in " + expectedCurrency + ", not " + currency);
        require(mcc != null && MCC.matcher(mcc).matches(), "mcc must be a 4-digit ISO 18245 merchant category code");
        require(bankId != null && !bankId.isBlank(), "bankId is required");
        require(
                payoutAccount != null && PAYOUT_ACCOUNT.matcher(payoutAccount).matches(),
                "payoutAccount must be 1-34 letters, digits or hyphens");
        if (payoutAccountHolderKana != null) {
            ZenginText.refusal(payoutAccountHolderKana, 30).ifPresent(reason -> {
                throw new BusinessException(ErrorCode.INVALID_REQUEST, "payoutAccountHolderKana: " + reason);
            });
        }
        return new MerchantRegistration(name, city, country, unit, mcc, bankId, payoutAccount, payoutAccountHolderKana);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, message);
        }
    }
}
