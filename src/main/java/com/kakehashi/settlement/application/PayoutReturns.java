package com.kakehashi.settlement.application;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.ledger.application.Ledger;
import com.kakehashi.settlement.domain.PayoutReturn;
import com.kakehashi.settlement.domain.PayoutReturnBooked;
import com.kakehashi.settlement.domain.PayoutReturned;
import com.kakehashi.settlement.domain.SettlementJournals;
import com.kakehashi.settlement.infra.PayoutReturnRepository;
import com.kakehashi.settlement.infra.PayoutReturnRepository.ReturnableItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Takes a returned payout back, in reconciliation's transaction: the item (batch and end-to-end id) becomes RETURNED
 * with the bank's reason code, and one SETTLEMENT_RETURN journal moves what came back from the bank's clearing
 * account to the merchant's payable. Once: the item row is locked and moved compare-and-set, so the same return seen
 * again (a corrected statement) changes nothing. A return of more than was paid is refused (the line becomes an
 * UNPROCESSABLE break); a return the batch does not know (no such paid item) is left to the RETURNED_BY_BANK break.
 */
@ApplicationScoped
public class PayoutReturns {
    private static final Logger LOG = Logger.getLogger(PayoutReturns.class);

    @Inject
    PayoutReturnRepository repository;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Inject
    Event<PayoutReturnBooked> booked;

    @Transactional(Transactional.TxType.MANDATORY)
    void onReturned(@Observes PayoutReturned event) {
        if (event.batchId() == null || event.endToEndId() == null) {
            return;
        }
        ReturnableItem item =
                repository.lockPaidItem(event.batchId(), event.endToEndId()).orElse(null);
        if (item == null) {
            LOG.warnf(
                    "Bank %s returned %s of batch %s, which paid no such item; the break is the operator's",
                    event.bankId(), event.endToEndId(), event.batchId());
            return;
        }
        if (item.returned()) {
            return; // seen before: nothing moves twice
        }
        MinorAmount paid = item.net();
        event.amount().requireSameCurrency(paid);
        if (event.amount().amount() > paid.amount()) {
            throw new IllegalStateException("bank " + event.bankId() + " returned " + event.amount() + " of payout "
                    + event.endToEndId() + ", which paid " + paid);
        }
        Instant now = clock.instant();
        UUID journalId = UUID.randomUUID();
        ledger.post(SettlementJournals.returned(
                journalId, event.bankId(), item.merchantId(), event.endToEndId(), event.amount(), now));
        if (!repository.markReturned(event.batchId(), event.endToEndId(), event.reasonCode(), journalId, now)) {
            throw new IllegalStateException("payout " + event.endToEndId() + " changed while locked");
        }
        booked.fire(new PayoutReturnBooked(
                event.batchId(),
                event.bankId(),
                item.merchantId(),
                event.endToEndId(),
                event.amount(),
                event.reasonCode(),
                journalId,
                now));
    }

    /** The batch's returned payouts by end-to-end id (empty when none came back). */
    @Transactional
    public Map<String, PayoutReturn> returnsOf(UUID batchId) {
        return repository.payouts(batchId).stream()
                .filter(p -> p.payoutStatus().equals("RETURNED"))
                .collect(Collectors.toMap(
                        PayoutReturnRepository.PayoutState::endToEndId,
                        p -> new PayoutReturn(p.endToEndId(), p.returnReason(), p.returnedAt(), p.returnJournalId())));
    }
}
