package com.kakehashi.merchant.application;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.zengin.ZenginAccount;
import com.kakehashi.ledger.application.Ledger;
import com.kakehashi.ledger.domain.AccountType;
import com.kakehashi.merchant.domain.Merchant;
import com.kakehashi.merchant.domain.MerchantRegistration;
import com.kakehashi.merchant.domain.MerchantStatus;
import com.kakehashi.merchant.infra.MerchantEntity;
import com.kakehashi.merchant.infra.MerchantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

@ApplicationScoped
public class Merchants {
    @Inject
    MerchantRepository merchants;

    @Inject
    PartnerBanks banks;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    /** Registers a merchant and opens its payable account (same id) in its currency. */
    @Transactional
    public Merchant register(MerchantRegistration registration) {
        PartnerBank bank = payingBank(registration);
        MerchantEntity e = new MerchantEntity();
        e.id = UUID.randomUUID();
        e.name = registration.name();
        e.city = registration.city();
        e.country = registration.country();
        e.currency = registration.currency().getCurrencyCode();
        e.mcc = registration.mcc();
        e.bankId = bank.id();
        e.payoutAccount = registration.payoutAccount();
        e.payoutAccountHolderKana = registration.payoutAccountHolderKana();
        e.status = MerchantStatus.ACTIVE.name();
        e.createdAt = clock.instant();
        merchants.persist(e);
        ledger.openAccount(e.id, AccountType.MERCHANT_PAYABLE, e.id.toString(), registration.currency(), e.createdAt);
        return merchants.merchant(e.id).orElseThrow();
    }

    /**
     * Replaces a merchant's details, checked as at registration. Country and currency never change (the payable
     * account is in that currency); {@code expectedVersion} is the version the editor read, and a merchant changed
     * since is refused with {@code concurrent_modification}.
     */
    @Transactional
    public Merchant update(UUID id, MerchantRegistration registration, long expectedVersion) {
        MerchantEntity e = merchants
                .findByIdOptional(id)
                .orElseThrow(() -> new BusinessException(ErrorCode.MERCHANT_NOT_FOUND, "No merchant " + id));
        if (!e.country.equals(registration.country())
                || !e.currency.equals(registration.currency().getCurrencyCode())) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "A merchant's country and currency cannot change");
        }
        if (e.version != expectedVersion) {
            throw new BusinessException(
                    ErrorCode.CONCURRENT_MODIFICATION,
                    "Merchant " + id + " is at version " + e.version + ", not " + expectedVersion);
        }
        payingBank(registration);
        MerchantRepository.copy(registration, e);
        merchants.flush(); // the @Version check runs here: a concurrent edit fails as an optimistic lock
        return merchants.merchant(id).orElseThrow();
    }

    @Transactional
    public java.util.List<Merchant> list(int offset, int limit) {
        return merchants.page(offset, limit);
    }

    @Transactional
    public long count() {
        return merchants.total();
    }

    /** The bank that will pay the merchant, if it can: same currency, and Zengin details for a Zengin bank. */
    private PartnerBank payingBank(MerchantRegistration registration) {
        PartnerBank bank = banks.byId(registration.bankId());
        if (!bank.currency().equals(registration.currency().getCurrencyCode())) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST,
                    "Bank " + bank.id() + " pays out in " + bank.currency() + "; the merchant prices in "
                            + registration.currency().getCurrencyCode());
        }
        if (bank.fileFormats().contains(PartnerBank.FileFormat.ZENGIN)
                && (registration.payoutAccountHolderKana() == null
                        || ZenginAccount.parse(registration.payoutAccount()).isEmpty())) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST,
                    "Bank " + bank.id() + " pays by Zengin transfer: the"
                            + " merchant needs payoutAccountHolderKana and a payoutAccount in Zengin form ("
                            + ZenginAccount.FORM_DESCRIPTION + ")");
        }
        return bank;
    }

    /** Any merchant, for pricing a payment to it. */
    @Transactional
    public Merchant byId(UUID id) {
        return merchants
                .merchant(id)
                .orElseThrow(() -> new BusinessException(ErrorCode.MERCHANT_NOT_FOUND, "No merchant " + id));
    }

    /** The merchant, if the caller is that merchant or an operator. */
    @Transactional
    public Merchant visibleTo(Caller caller, UUID id) {
        if (!(caller.isOperator() || caller.isMerchant(id.toString()))) {
            throw new BusinessException(ErrorCode.MERCHANT_NOT_FOUND, "No merchant " + id);
        }
        return byId(id);
    }
}
