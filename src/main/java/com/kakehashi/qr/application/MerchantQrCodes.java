package com.kakehashi.qr.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.money.Currencies;
import com.kakehashi.merchant.domain.Merchant;
import com.kakehashi.qr.emv.DataObject;
import com.kakehashi.qr.emv.EmvQrCodec;
import com.kakehashi.qr.emv.EmvQrException;
import com.kakehashi.qr.emv.MerchantAccountInfo;
import com.kakehashi.qr.emv.MerchantPresentedQr;
import com.kakehashi.qr.emv.PointOfInitiation;
import com.kakehashi.qr.infra.QrImageRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.money.CurrencyUnit;
import org.javamoney.moneta.Money;

/**
 * Kakehashi's own merchant QR codes: an EMVCo merchant-presented QR whose merchant account
 * information template (tag 26) carries our globally unique id and the merchant id.
 */
@ApplicationScoped
public class MerchantQrCodes {
    /** Globally unique identifier in template 26, sub-tag 00 (reverse domain name). */
    public static final String GUID = "jp.kakehashi";
    static final String MERCHANT_ACCOUNT_TAG = "26";
    static final String MERCHANT_ID_SUBTAG = "01";
    /** EMVCo tag 54, transaction amount: at most 13 characters. */
    static final int MAX_AMOUNT_CHARACTERS = 13;

    @Inject
    QrImageRenderer renderer;

    public String payloadFor(Merchant merchant, Optional<Money> amount) {
        amount.ifPresent(a -> {
            if (!a.getCurrency().equals(merchant.currency())) {
                throw new BusinessException(ErrorCode.CURRENCY_MISMATCH,
                        "Merchant " + merchant.id() + " prices in " + merchant.currency());
            }
        });
        MerchantPresentedQr qr = MerchantPresentedQr.builder()
                .pointOfInitiation(amount.isPresent() ? PointOfInitiation.DYNAMIC : PointOfInitiation.STATIC)
                .merchantAccount(MerchantAccountInfo.template(MERCHANT_ACCOUNT_TAG, GUID,
                        List.of(new DataObject(MERCHANT_ID_SUBTAG, merchant.id().toString()))))
                .merchantCategoryCode(merchant.mcc())
                .transactionCurrency(Currencies.numericCode(merchant.currency()))
                .transactionAmount(amount.map(Amounts::format).orElse(null))
                .countryCode(merchant.country())
                .merchantName(merchant.name())
                .merchantCity(merchant.city())
                .build();
        try {
            return EmvQrCodec.encode(qr);
        } catch (EmvQrException e) {
            throw new BusinessException(ErrorCode.INVALID_AMOUNT, "The amount must fit a QR code's "
                    + MAX_AMOUNT_CHARACTERS + " characters (EMVCo tag 54)");
        }
    }

    /** The payload drawn as a PNG QR image. */
    public byte[] image(String payload) {
        return renderer.png(payload);
    }

    /** Decodes any EMVCo MPM payload strictly, mapping the codec's reasons to stable codes. */
    public MerchantPresentedQr decode(String payload) {
        try {
            return EmvQrCodec.decode(payload);
        } catch (EmvQrException e) {
            ErrorCode code = e.reason() == EmvQrException.Reason.CRC_MISMATCH
                    ? ErrorCode.QR_CRC_MISMATCH : ErrorCode.QR_MALFORMED;
            throw new BusinessException(code, e.getMessage());
        }
    }

    /** The Kakehashi merchant and amount a scanned payload asks to pay. */
    public PaymentTarget target(String payload) {
        MerchantPresentedQr qr = decode(payload);
        String merchantId = qr.merchantAccount(GUID).flatMap(account -> account.subValue(MERCHANT_ID_SUBTAG))
                .orElseThrow(() -> new BusinessException(ErrorCode.QR_MERCHANT_UNKNOWN,
                        "The QR carries no merchant account with identifier " + GUID));
        UUID id;
        try {
            id = UUID.fromString(merchantId);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.QR_MERCHANT_UNKNOWN, "Merchant id '" + merchantId + "' is malformed");
        }
        CurrencyUnit currency = Currencies.byNumericCode(qr.transactionCurrency());
        Optional<Money> amount = Optional.ofNullable(qr.transactionAmount())
                .map(text -> Amounts.exact(new BigDecimal(text), currency));
        return new PaymentTarget(id, qr.countryCode(), currency, amount);
    }
}
