package com.kakehashi.merchant.application;

import com.kakehashi.merchant.domain.Merchant;
import com.kakehashi.qr.application.QrMerchant;

/** What of a merchant its QR code prints: the one mapping from merchant to the QR feature's value. */
public final class PrintedOnQr {
    private PrintedOnQr() {}

    public static QrMerchant of(Merchant merchant) {
        return new QrMerchant(
                merchant.id(),
                merchant.name(),
                merchant.city(),
                merchant.country(),
                merchant.currency(),
                merchant.mcc());
    }
}
