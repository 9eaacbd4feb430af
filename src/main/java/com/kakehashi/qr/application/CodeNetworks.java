package com.kakehashi.qr.application;

import com.kakehashi.qr.emv.MerchantAccountInfo;
import com.kakehashi.qr.emv.MerchantPresentedQr;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which payment network an EMVCo code belongs to, from the identifiers in its merchant account information. */
final class CodeNetworks {
    /** Globally unique identifiers (or their registered prefixes) of merchant account templates. */
    private static final List<Map.Entry<String, String>> BY_IDENTIFIER = List.of(
            Map.entry(MerchantQrCodes.GUID.toUpperCase(Locale.ROOT), "KAKEHASHI"),
            Map.entry("A000000333", "UNIONPAY"),
            Map.entry("A000000677", "PROMPTPAY"),
            Map.entry("A000000727", "VIETQR"),
            Map.entry("A000000615", "DUITNOW"),
            Map.entry("SG.PAYNOW", "PAYNOW"),
            Map.entry("SG.COM.NETS", "NETS"),
            Map.entry("BR.GOV.BCB.PIX", "PIX"),
            Map.entry("ID.CO.QRIS", "QRIS"));
    /** UnionPay's primitive merchant account tags (EMVCo assigns 15-16 to it). */
    private static final List<String> UNIONPAY_PRIMITIVE_TAGS = List.of("15", "16");

    private CodeNetworks() {}

    static Optional<String> of(MerchantPresentedQr qr) {
        for (MerchantAccountInfo account : qr.merchantAccounts()) {
            if (!account.isTemplate() && UNIONPAY_PRIMITIVE_TAGS.contains(account.tag())) {
                return Optional.of("UNIONPAY");
            }
            String guid = account.globallyUniqueId() == null
                    ? ""
                    : account.globallyUniqueId().toUpperCase(Locale.ROOT);
            for (Map.Entry<String, String> known : BY_IDENTIFIER) {
                if (!guid.isEmpty() && guid.startsWith(known.getKey())) {
                    return Optional.of(known.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
