package com.kakehashi.merchant.domain;

import java.time.Instant;
import java.util.UUID;
import javax.money.CurrencyUnit;

/** A merchant that accepts Kakehashi QR payments and is paid out by its partner bank. */
public record Merchant(UUID id, String name, String city, String country, CurrencyUnit currency, String mcc,
        String bankId, String payoutAccount, MerchantStatus status, Instant createdAt) {
}
