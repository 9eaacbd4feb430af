package com.kakehashi.reconciliation.application;

import com.kakehashi.reconciliation.domain.BreakOpened;
import com.kakehashi.reconciliation.domain.BreakRecord;
import com.kakehashi.reconciliation.infra.BreakRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Tells the others of every break the current transaction opened, once each: a {@link BreakOpened} per new break,
 * fired in that transaction (MANDATORY), so the announcement commits with the break or not at all. Breaks seen again
 * or reopened are not new and are not announced.
 */
@ApplicationScoped
public class BreakAnnouncements {
    @Inject
    BreakRepository breaks;

    @Inject
    Event<BreakOpened> breakOpened;

    @Inject
    Instance<BreakListeners> listeners;

    /** Call after the break sync of a matching transaction; {@code at} is the time the sync was given. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceOpened(String bankId, Instant at) {
        if (listeners.isResolvable() && !listeners.get().anyListener()) {
            return; // nobody would hear of them: not even the look-up
        }
        for (BreakRecord b : breaks.openedInThisTransaction(bankId, at)) {
            breakOpened.fire(new BreakOpened(
                    b.id(),
                    b.bankId(),
                    b.outcome(),
                    b.kind(),
                    b.statementId(),
                    b.statementRef(),
                    b.entry() != null ? b.entry() : b.seq(),
                    b.batchId(),
                    b.expectedItemId(),
                    b.endToEndId(),
                    b.bankReference(),
                    b.counterparty(),
                    b.amount(),
                    b.difference(),
                    b.valueDate(),
                    b.detail(),
                    b.createdAt()));
        }
    }
}
