package com.kakehashi.wallet.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.wallet.domain.SpendingPolicy;
import com.kakehashi.wallet.domain.Wallet;
import com.kakehashi.wallet.infra.WalletRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.javamoney.moneta.Money;

/** Moving money out of and into a wallet's balance, inside the caller's transaction. */
@ApplicationScoped
public class WalletCharges {
    @Inject
    WalletRepository wallets;
    @Inject
    WalletConfig config;

    public LocalDate businessDay(Instant at) {
        return at.atZone(config.businessZone()).toLocalDate();
    }

    /** Why charging this wallet now would be refused, if it would. */
    public Optional<ErrorCode> refusal(Wallet wallet, Money charge, Instant at) {
        return SpendingPolicy.refusal(wallet, charge, businessDay(at));
    }

    /** Charges atomically against balance and limits, or throws the rule that refused. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void charge(UUID walletId, Money charge, Instant at) {
        LocalDate today = businessDay(at);
        if (wallets.tryCharge(walletId, Amounts.toMinor(charge), today)) {
            return;
        }
        Wallet wallet = wallets.wallet(walletId)
                .orElseThrow(() -> new BusinessException(ErrorCode.WALLET_NOT_FOUND, "No wallet " + walletId));
        ErrorCode reason = SpendingPolicy.refusal(wallet, charge, today).orElse(ErrorCode.CONCURRENT_MODIFICATION);
        throw new BusinessException(reason, "Charging " + Amounts.format(charge) + " " + charge.getCurrency()
                + " to wallet " + walletId + " was refused: " + reason.title().toLowerCase(java.util.Locale.ROOT));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void credit(UUID walletId, Money amount) {
        wallets.credit(walletId, Amounts.toMinor(amount));
    }
}
