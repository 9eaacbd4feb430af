package com.kakehashi.settlement.application;

import com.kakehashi.bank.application.BusinessCalendars;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.ledger.application.Ledger;
import com.kakehashi.settlement.domain.BatchState;
import com.kakehashi.settlement.domain.EndToEndIds;
import com.kakehashi.settlement.domain.MerchantNetting;
import com.kakehashi.settlement.domain.SettlementItem;
import com.kakehashi.settlement.domain.SettlementJournals;
import com.kakehashi.settlement.infra.SettlementRepository;
import com.kakehashi.settlement.infra.SettlementRepository.MerchantTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Closing a window, in one transaction: every unbatched payment and refund of the bank's merchants
 * before the cut-off joins the batch (set-based), the database aggregates them per merchant, netting
 * decides who is paid and who is carried forward, and one journal moves the payouts from merchant
 * payable to the bank's clearing account.
 */
@ApplicationScoped
public class WindowClosing {
    @Inject
    SettlementRepository repository;
    @Inject
    Ledger ledger;
    @Inject
    SettlementConfig config;
    @Inject
    Clock clock;
    @Inject
    BusinessCalendars calendars;

    @Transactional
    public void close(UUID batchId, PartnerBank bank, String actor) {
        if (repository.lock(batchId) != BatchState.OPEN) {
            return; // another run closed it meanwhile
        }
        var batch = repository.byId(batchId).orElseThrow();
        Instant notBefore = repository.previousCutoff(bank.id(), batch.cutoff())
                .map(previous -> previous.minus(config.lateCommitMargin())).orElse(Instant.EPOCH);
        long[] assigned = repository.assignWindow(batchId, bank.id(), batch.cutoff(), notBefore);
        List<SettlementItem> payouts = new ArrayList<>();
        long payout = 0;
        long fees = 0;
        long yenSold = 0;
        long bought = 0;
        int itemCount = 0;
        for (MerchantTotals totals : repository.merchantTotals(batchId)) {
            MerchantNetting netting = MerchantNetting.of(totals.gross(), totals.refunded(), config.merchantFeeBps(),
                    bank.minimumPayoutMinor());
            boolean paid = netting.outcome() == MerchantNetting.Outcome.PAYOUT;
            SettlementItem item = new SettlementItem(totals.merchantId(), totals.name(), totals.payoutAccount(),
                    totals.currency(), totals.payments(), totals.refunds(), netting,
                    totals.paidYen() - totals.refundedYen(),
                    paid ? EndToEndIds.of(batchId, batch.cutoff(), totals.merchantId()) : null,
                    totals.payoutAccountHolderKana());
            repository.insertItem(batchId, item);
            itemCount++;
            if (paid) {
                payouts.add(item);
                payout += netting.net();
                fees += netting.fee();
                yenSold += item.chargeYen();
                bought += netting.gross() - netting.refunds();
            } else {
                repository.carryForward(batchId, totals.merchantId());
            }
        }
        boolean foreign = !"JPY".equals(bank.currency());
        LocalDate executionDate = calendars.of(bank).nextOpenOnOrAfter(batch.cutoff().atZone(bank.timeZone()).toLocalDate());
        repository.setTotals(batchId, payout, fees, foreign ? yenSold : null, foreign ? bought : null, payouts.size(),
                executionDate);
        if (!payouts.isEmpty()) {
            var journal = SettlementJournals.payout(UUID.randomUUID(), batchId, bank.id(), bank.currency(), payouts,
                    clock.instant());
            SettlementJournals.requireTotal(journal, bank.id(), bank.currency(), payout);
            ledger.post(journal);
        }
        repository.moveState(batchId, BatchState.OPEN, BatchState.CLOSED, assigned[0] + " payments, " + assigned[1]
                + " refunds, " + assigned[2] + " carried in, " + itemCount + " merchants, " + payouts.size() + " paid", actor, clock.instant());
    }
}
