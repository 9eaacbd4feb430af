package com.kakehashi.reconciliation.application;

import com.kakehashi.reconciliation.domain.ExpectedItem;
import com.kakehashi.reconciliation.domain.StatementEntry.Direction;
import com.kakehashi.reconciliation.infra.ExpectationRepository;
import com.kakehashi.settlement.domain.BatchDelivered;
import com.kakehashi.wallet.domain.TopUpRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What each bank should show: registered in the same transaction as the fact that causes it (a top-up
 * requested, a batch delivered), so an expectation is never lost and never registered twice.
 */
@ApplicationScoped
public class Expectations {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject
    ExpectationRepository repository;
    @Inject
    Clock clock;

    /** The funding bank debits the customer's account and credits the house's: one CRDT, the top-up id as reference. */
    void topUpRequested(@Observes TopUpRequested event) {
        expect(new ExpectedItem(UUID.randomUUID(), event.fundingBankId(), ExpectedItem.Kind.TOP_UP_DEBIT,
                event.topUpId().toString(), null, Direction.CRDT, event.amountMinor(), event.currency(),
                event.requestedAt().atZone(TOKYO).toLocalDate(), event.holderName()));
    }

    /** Each payout instruction leaves the house's account at the bank: one DBIT, the end-to-end id as reference. */
    void batchDelivered(@Observes BatchDelivered event) {
        for (BatchDelivered.Instruction instruction : event.instructions()) {
            expect(new ExpectedItem(UUID.randomUUID(), event.bankId(), ExpectedItem.Kind.SETTLEMENT_INSTRUCTION,
                    instruction.endToEndId(), event.batchId(), Direction.DBIT, instruction.amountMinor(), event.currency(),
                    event.valueDate(), instruction.counterparty()));
        }
    }

    public void expect(ExpectedItem item) {
        repository.insertIfAbsent(item, clock.instant());
    }
}
