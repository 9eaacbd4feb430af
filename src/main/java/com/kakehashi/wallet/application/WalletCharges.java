package com.kakehashi.wallet.application;

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

    /**
     * Charges atomically against balance and limits (one conditional UPDATE, see
     * {@link WalletRepository#tryCharge}); when refused, the {@link SpendingPolicy} rule that refused,
     * read from the committed row. The two express one rule; SpendingRuleAgreementTest proves they agree.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ErrorCode> tryCharge(UUID walletId, Money charge, Instant at) {
        LocalDate today = businessDay(at);
        if (wallets.tryCharge(walletId, Amounts.toMinor(charge), today)) {
            return Optional.empty();
        }
        return Optional.of(whyRefused(walletId, charge, at));
    }

    /** After the database refused a charge: the rule that refused, named from the committed row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ErrorCode whyRefused(UUID walletId, Money charge, Instant at) {
        LocalDate today = businessDay(at);
        return wallets.wallet(walletId)
                .map(wallet -> SpendingPolicy.refusal(wallet, charge, today).orElse(ErrorCode.CONCURRENT_MODIFICATION))
                .orElse(ErrorCode.WALLET_NOT_FOUND);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void credit(UUID walletId, Money amount) {
        wallets.credit(walletId, Amounts.toMinor(amount));
    }
}
