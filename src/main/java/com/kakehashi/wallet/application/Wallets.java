package com.kakehashi.wallet.application;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Currencies;
import com.kakehashi.common.security.Caller;
import com.kakehashi.ledger.application.AccountMovement;
import com.kakehashi.ledger.application.Ledger;
import com.kakehashi.ledger.domain.AccountType;
import com.kakehashi.wallet.domain.JapaneseBankAccount;
import com.kakehashi.wallet.domain.Wallet;
import com.kakehashi.wallet.domain.WalletStatus;
import com.kakehashi.wallet.infra.BankLinkEntity;
import com.kakehashi.wallet.infra.BankLinkRepository;
import com.kakehashi.wallet.infra.WalletEntity;
import com.kakehashi.wallet.infra.WalletRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Opening wallets, reading them, linking a bank account, and their ledger history. */
@ApplicationScoped
public class Wallets {
    @Inject
    WalletRepository wallets;

    @Inject
    BankLinkRepository bankLinks;

    @Inject
    Ledger ledger;

    @Inject
    WalletConfig config;

    @Inject
    Clock clock;

    public record Page<T>(List<T> items, int page, int size, long total) {}

    @Transactional
    public Wallet open(Caller caller) {
        Instant now = clock.instant();
        WalletEntity e = new WalletEntity();
        e.id = UUID.randomUUID();
        e.owner = caller.subject();
        e.currency = Currencies.JPY.getCurrencyCode();
        e.status = WalletStatus.ACTIVE.name();
        e.maxBalanceMinor = config.maxBalance();
        e.perPaymentLimitMinor = config.perPaymentLimit();
        e.dailyLimitMinor = config.dailySpendLimit();
        e.createdAt = now;
        wallets.persist(e);
        // the wallet's own account, keyed by the wallet's id: a traveller may hold several wallets
        ledger.openAccount(e.id, AccountType.WALLET, e.id.toString(), Currencies.JPY, now);
        return wallets.wallet(e.id).orElseThrow();
    }

    @Transactional
    public List<Wallet> ownedBy(Caller caller) {
        return wallets.ownedBy(caller.subject());
    }

    /** The wallet, if the caller owns it or is an operator; otherwise it does not exist for them. */
    @Transactional
    public Wallet visibleTo(Caller caller, UUID walletId) {
        Wallet wallet = wallets.wallet(walletId).orElse(null);
        if (wallet == null || !(wallet.owner().equals(caller.subject()) || caller.isOperator())) {
            throw new BusinessException(ErrorCode.WALLET_NOT_FOUND, "No wallet " + walletId);
        }
        return wallet;
    }

    /** The wallet, only if the caller owns it: spending and linking are the owner's alone. */
    @Transactional
    public Wallet ownedBy(Caller caller, UUID walletId) {
        Wallet wallet = wallets.wallet(walletId).orElse(null);
        if (wallet == null || !wallet.owner().equals(caller.subject())) {
            throw new BusinessException(ErrorCode.WALLET_NOT_FOUND, "No wallet " + walletId);
        }
        return wallet;
    }

    @Transactional
    public BankLink linkBankAccount(Caller caller, UUID walletId, JapaneseBankAccount account) {
        Wallet wallet = ownedBy(caller, walletId);
        if (bankLinks.forWallet(wallet.id()).isPresent()) {
            throw new BusinessException(
                    ErrorCode.BANK_ALREADY_LINKED, "Wallet " + walletId + " already has a linked account");
        }
        BankLinkEntity link = new BankLinkEntity();
        link.id = UUID.randomUUID();
        link.walletId = wallet.id();
        link.fundingBankId = PartnerBanks.FUNDING_BANK_ID;
        link.bankCode = account.bankCode();
        link.branchCode = account.branchCode();
        link.accountType = account.accountType().name();
        link.accountNumber = account.accountNumber();
        link.holderName = account.holderName();
        link.createdAt = clock.instant();
        bankLinks.persist(link);
        return BankLink.of(link);
    }

    @Transactional
    public Page<AccountMovement> transactions(Caller caller, UUID walletId, int page, int size) {
        Wallet wallet = visibleTo(caller, walletId);
        return new Page<>(
                ledger.movements(wallet.id(), page * size, size), page, size, ledger.movementCount(wallet.id()));
    }
}
