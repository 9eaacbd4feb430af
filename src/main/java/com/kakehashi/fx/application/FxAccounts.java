package com.kakehashi.fx.application;

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
import javax.money.CurrencyUnit;

/** The operator's FX accounts exist, in every supported currency, before any payment posts to them. */
@ApplicationScoped
public class FxAccounts {
    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Transactional
    void open(@Observes StartupEvent started) {
        for (CurrencyUnit currency : List.of(Currencies.JPY, Currencies.CNY)) {
            String code = currency.getCurrencyCode();
            ledger.openAccount(
                    LedgerAccounts.fxPosition(code), AccountType.FX_POSITION, "house", currency, clock.instant());
            ledger.openAccount(
                    LedgerAccounts.fxGainLoss(code), AccountType.FX_GAIN_LOSS, "house", currency, clock.instant());
            ledger.openAccount(
                    LedgerAccounts.feeIncome(code), AccountType.FEE_INCOME, "house", currency, clock.instant());
        }
    }
}
