package com.kakehashi.merchant.domain;

import java.time.Instant;
import java.util.UUID;
import javax.money.CurrencyUnit;

/**
 * A merchant that accepts Kakehashi QR payments and is paid out by its partner bank. {@code payoutAccountHolderKana}:
 * the account holder's name as Zengin transfers carry it (merchants paid by a Japanese bank), or null. {@code version}
 * guards edits: an edit names the version it read.
 */
public record Merchant(
        UUID id,
        String name,
        String city,
        String country,
        CurrencyUnit currency,
        String mcc,
        String bankId,
        String payoutAccount,
        MerchantStatus status,
        Instant createdAt,
        String payoutAccountHolderKana,
        long version) {

    public Merchant(
            UUID id,
            String name,
            String city,
            String country,
            CurrencyUnit currency,
            String mcc,
            String bankId,
            String payoutAccount,
            MerchantStatus status,
            Instant createdAt) {
        this(id, name, city, country, currency, mcc, bankId, payoutAccount, status, createdAt, null, 0);
    }
}
