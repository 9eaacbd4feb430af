package com.kakehashi.wallet.application;

import com.kakehashi.wallet.infra.BankLinkEntity;
import java.time.Instant;
import java.util.UUID;

/** A wallet's linked funding account; the account number is shown masked. */
public record BankLink(
        UUID id,
        UUID walletId,
        String fundingBankId,
        String bankCode,
        String branchCode,
        String accountType,
        String maskedAccountNumber,
        String holderName,
        Instant createdAt) {

    static BankLink of(BankLinkEntity e) {
        return new BankLink(
                e.id,
                e.walletId,
                e.fundingBankId,
                e.bankCode,
                e.branchCode,
                e.accountType,
                "****" + e.accountNumber.substring(4),
                e.holderName,
                e.createdAt);
    }
}
