package com.kakehashi.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Account ids. A wallet's ledger account has the wallet's id and a merchant's payable account
 * the merchant's id, so the hot path never looks an account up; house accounts get stable
 * name-based ids.
 */
public final class LedgerAccounts {
    private LedgerAccounts() {}

    public static UUID bankClearing(String bankId, String currency) {
        return named("BANK_CLEARING:" + bankId + ":" + currency);
    }

    public static UUID fxPosition(String currency) {
        return named("FX_POSITION:" + currency);
    }

    public static UUID fxGainLoss(String currency) {
        return named("FX_GAIN_LOSS:" + currency);
    }

    public static UUID feeIncome(String currency) {
        return named("FEE_INCOME:" + currency);
    }

    private static UUID named(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
