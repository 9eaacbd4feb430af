package com.kakehashi.qr.application;

import java.util.UUID;
import javax.money.CurrencyUnit;

/**
 * What a merchant QR code prints about its merchant (EMVCo tags 26, 52, 53, 58, 59, 60). QR's own
 * value, so that issuing a code needs nothing from the merchant feature: the merchant API maps its
 * merchant onto it, and the dependency runs one way (merchant -> qr).
 */
public record QrMerchant(UUID id, String name, String city, String country, CurrencyUnit currency, String mcc) {}
