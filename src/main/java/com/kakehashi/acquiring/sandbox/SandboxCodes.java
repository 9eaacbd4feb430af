package com.kakehashi.acquiring.sandbox;

import com.kakehashi.qr.emv.DataObject;
import com.kakehashi.qr.emv.EmvQrCodec;
import com.kakehashi.qr.emv.MerchantAccountInfo;
import com.kakehashi.qr.emv.MerchantPresentedQr;
import com.kakehashi.qr.emv.PointOfInitiation;
import java.util.List;
import java.util.Optional;

/** The sandbox acquirer's code patterns and its demo merchants' codes, one or two per network. */
public final class SandboxCodes {
    public static final String ACQUIRER_ID = "cn-sandbox-acquirer";

    /** network, regular expression over the whole payload. */
    public static final List<String[]> PATTERNS = List.of(
            new String[] {"ALIPAY", "https://qr\\.alipay\\.com/[A-Za-z0-9]+(\\?.*)?"},
            new String[] {"WECHAT", "wxp://[A-Za-z0-9_-]+(\\?.*)?"},
            new String[] {"ALIPAY_PLUS", "https://([a-z0-9-]+\\.)*alipayplus\\.com/.+"},
            new String[] {"UNIONPAY", "000201.*A000000333.*"});

    public record DemoCode(String network, String payload, String merchantName) {}

    private SandboxCodes() {}

    public static List<DemoCode> demoCodes() {
        return List.of(
                new DemoCode("ALIPAY", "https://qr.alipay.com/fkx18852sandboxtea", "West Lake Tea House"),
                new DemoCode("ALIPAY", "https://qr.alipay.com/bax03431sandboxbun?amount=18.50", "Nanxiang Bun Shop"),
                new DemoCode("WECHAT", "wxp://f2f0sandboxNoodleBar", "Lanzhou Noodle Bar"),
                new DemoCode("ALIPAY_PLUS", "https://render.alipayplus.com/p/sandbox-dumplings", "Din Tai Dumplings"),
                new DemoCode("UNIONPAY", unionPayCode(), "Bund Silk Store"));
    }

    static Optional<String> merchantNameFor(String payload) {
        return demoCodes().stream()
                .filter(c -> c.payload().equals(payload))
                .map(DemoCode::merchantName)
                .findFirst();
    }

    /** A static UnionPay merchant-presented code: AID A000000333 in template 15's place of a template (tag 26). */
    static String unionPayCode() {
        return EmvQrCodec.encode(MerchantPresentedQr.builder()
                .pointOfInitiation(PointOfInitiation.STATIC)
                .merchantAccount(MerchantAccountInfo.template(
                        "26", "A000000333010102", List.of(new DataObject("01", "310310058120001"))))
                .merchantCategoryCode("5699")
                .transactionCurrency("156")
                .countryCode("CN")
                .merchantName("Bund Silk Store")
                .merchantCity("Shanghai")
                .build());
    }
}
