package com.kakehashi.qr.emv;

import java.util.List;

/** A payload decoded leniently: what it says, and each way it departs from the EMVCo specification. */
public record LenientDecoding(MerchantPresentedQr qr, List<String> warnings) {
    public LenientDecoding {
        warnings = List.copyOf(warnings);
    }
}
