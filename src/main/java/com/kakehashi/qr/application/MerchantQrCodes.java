package com.kakehashi.qr.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.money.Currencies;
import com.kakehashi.qr.emv.DataObject;
import com.kakehashi.qr.emv.EmvQrCodec;
import com.kakehashi.qr.emv.EmvQrException;
import com.kakehashi.qr.emv.LenientDecoding;
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

    @Inject
    jakarta.enterprise.inject.Instance<ExternalMerchantCodes> externalCodes;

    public enum Format {
        EMV_MPM,
        URL
    }

    /** A scanned code as the decode endpoint explains it: its format, network, content and deviations. */
    public record Explained(
            Format format, String network, MerchantPresentedQr emv, String url, List<String> warnings) {}

    public String payloadFor(QrMerchant merchant, Optional<Money> amount) {
        amount.ifPresent(a -> {
            if (!a.getCurrency().equals(merchant.currency())) {
                throw new BusinessException(
                        ErrorCode.CURRENCY_MISMATCH, "Merchant " + merchant.id() + " prices in " + merchant.currency());
            }
        });
        MerchantPresentedQr qr = MerchantPresentedQr.builder()
                .pointOfInitiation(amount.isPresent() ? PointOfInitiation.DYNAMIC : PointOfInitiation.STATIC)
                .merchantAccount(MerchantAccountInfo.template(
                        MERCHANT_ACCOUNT_TAG,
                        GUID,
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
            throw new BusinessException(
                    ErrorCode.INVALID_AMOUNT,
                    "The amount must fit a QR code's " + MAX_AMOUNT_CHARACTERS + " characters (EMVCo tag 54)");
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
                    ? ErrorCode.QR_CRC_MISMATCH
                    : ErrorCode.QR_MALFORMED;
            throw new BusinessException(code, e.getMessage());
        }
    }

    /**
     * Any scanned code, leniently: EMVCo codes as networks issue them (with warnings), and URL codes recognised by an
     * acquirer's code patterns. Refuses only what cannot be paid safely.
     */
    public Explained explain(String payload) {
        if (isUrlCode(payload)) {
            String network = external()
                    .flatMap(x -> x.network(payload))
                    .orElseThrow(() -> new BusinessException(
                            ErrorCode.QR_NOT_PAYABLE,
                            "No acquirer recognises this URL code: no way to reach the merchant"));
            return new Explained(Format.URL, network, null, payload, List.of());
        }
        LenientDecoding lenient = decodeLenient(payload);
        String network = CodeNetworks.of(lenient.qr())
                .or(() -> external().flatMap(x -> x.network(payload)))
                .orElse(null);
        return new Explained(Format.EMV_MPM, network, lenient.qr(), null, lenient.warnings());
    }

    /** Decodes leniently, mapping what is unsafe to pay to stable codes. */
    public LenientDecoding decodeLenient(String payload) {
        try {
            return EmvQrCodec.decodeLenient(payload);
        } catch (EmvQrException e) {
            ErrorCode code = switch (e.reason()) {
                case CRC_MISMATCH -> ErrorCode.QR_CRC_MISMATCH;
                case NOT_PAYABLE -> ErrorCode.QR_NOT_PAYABLE;
                default -> ErrorCode.QR_MALFORMED;
            };
            throw new BusinessException(code, e.getMessage());
        }
    }

    /**
     * The merchant and amount a scanned payload asks to pay. Kakehashi's own codes must pass the strict decoder;
     * other networks' codes (URL or EMVCo, strict or not) go to the acquirer that recognises them.
     */
    public PaymentTarget target(String payload) {
        if (isUrlCode(payload)) {
            return resolveExternally(payload);
        }
        MerchantPresentedQr qr;
        try {
            qr = EmvQrCodec.decode(payload);
        } catch (EmvQrException strictRefusal) {
            if (strictRefusal.reason() == EmvQrException.Reason.CRC_MISMATCH
                    || decodeLenient(payload).qr().merchantAccount(GUID).isPresent()) {
                decode(payload); // throws the strict reason: our own codes are never read leniently
            }
            return resolveExternally(payload);
        }
        if (qr.merchantAccount(GUID).isEmpty()
                && external().flatMap(x -> x.network(payload)).isPresent()) {
            return resolveExternally(payload);
        }
        String merchantId = qr.merchantAccount(GUID)
                .flatMap(account -> account.subValue(MERCHANT_ID_SUBTAG))
                .orElseThrow(() -> new BusinessException(
                        ErrorCode.QR_MERCHANT_UNKNOWN, "The QR carries no merchant account with identifier " + GUID));
        UUID id;
        try {
            id = UUID.fromString(merchantId);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.QR_MERCHANT_UNKNOWN, "Merchant id '" + merchantId + "' is malformed");
        }
        CurrencyUnit currency = Currencies.byNumericCode(qr.transactionCurrency());
        Optional<Money> amount =
                Optional.ofNullable(qr.transactionAmount()).map(text -> Amounts.exact(new BigDecimal(text), currency));
        return new PaymentTarget(id, qr.countryCode(), currency, amount);
    }

    private PaymentTarget resolveExternally(String payload) {
        if (external().flatMap(x -> x.network(payload)).isEmpty()) {
            throw new BusinessException(
                    ErrorCode.QR_MERCHANT_UNKNOWN,
                    "Neither a Kakehashi merchant code (" + GUID + ") nor a code any acquirer recognises");
        }
        return external().orElseThrow().resolve(payload);
    }

    private java.util.Optional<ExternalMerchantCodes> external() {
        return externalCodes.isResolvable() ? java.util.Optional.of(externalCodes.get()) : java.util.Optional.empty();
    }

    /** Alipay (https://qr.alipay.com/...), WeChat Pay (wxp://...) and other codes that are URLs, not EMVCo TLV. */
    static boolean isUrlCode(String payload) {
        return payload != null && payload.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.+");
    }
}
