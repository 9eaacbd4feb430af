package com.kakehashi.fx.application;

import com.kakehashi.ledger.application.Ledger;
import com.kakehashi.ledger.domain.AccountType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The operator's open position per currency, read from the FX position accounts of the ledger:
 * positive = held (yen taken in from wallets), negative = owed (yuan owed to merchants).
 * Derived from postings on read, never kept as a running total that every payment would update.
 */
@ApplicationScoped
public class FxPositions {
    @Inject
    Ledger ledger;

    public List<Ledger.TypeBalance> open() {
        return ledger.balancesByType(AccountType.FX_POSITION);
    }
}
