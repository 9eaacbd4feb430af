package com.kakehashi.bank.application;

import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.bank.infra.PartnerBankRepository;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Currencies;
import com.kakehashi.ledger.application.Ledger;
import com.kakehashi.ledger.domain.AccountType;
import com.kakehashi.ledger.domain.LedgerAccounts;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

@ApplicationScoped
public class PartnerBanks {
    /** The bank that debits linked Japanese accounts for top-ups. */
    public static final String FUNDING_BANK_ID = "jp-funding-bank";

    @Inject
    PartnerBankRepository repository;
    @Inject
    Ledger ledger;
    @Inject
    Clock clock;

    /** Every partner bank has a clearing account in its currency before any money moves. */
    @Transactional
    void openClearingAccounts(@Observes StartupEvent started) {
        for (PartnerBank bank : repository.all()) {
            ledger.openAccount(LedgerAccounts.bankClearing(bank.id(), bank.currency()), AccountType.BANK_CLEARING,
                    bank.id(), Currencies.supported(bank.currency()), clock.instant());
        }
    }

    @Transactional
    public List<PartnerBank> all() {
        return repository.all();
    }

    @Transactional
    public PartnerBank byId(String id) {
        return repository.byId(id).orElseThrow(() -> new BusinessException(ErrorCode.BANK_NOT_FOUND,
                "No partner bank '" + id + "'"));
    }
}
