package com.kakehashi.settlement.application;

import com.kakehashi.bank.application.BusinessCalendars;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.common.money.Currencies;
import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.ledger.application.Ledger;
import com.kakehashi.settlement.domain.BatchState;
import com.kakehashi.settlement.domain.EndToEndIds;
import com.kakehashi.settlement.domain.MerchantNetting;
import com.kakehashi.settlement.domain.SettlementItem;
import com.kakehashi.settlement.domain.SettlementJournals;
import com.kakehashi.settlement.infra.BatchRepository;
import com.kakehashi.settlement.infra.NettingRepository;
import com.kakehashi.settlement.infra.NettingRepository.Assigned;
import com.kakehashi.settlement.infra.NettingRepository.MerchantTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.money.CurrencyUnit;

/**
 * Closing a window, in one transaction: every unbatched payment and refund of the bank's merchants
 * before the cut-off joins the batch (set-based), the database aggregates them per merchant, netting
 * decides who is paid and who is carried forward, and one journal moves the payouts from merchant
 * payable to the bank's clearing account.
 */
@ApplicationScoped
public class WindowClosing {
    @Inject
    BatchRepository batches;

    @Inject
    NettingRepository netting;

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
        if (batches.lock(batchId) != BatchState.OPEN) {
            return; // another run closed it meanwhile
        }
        var batch = batches.byId(batchId).orElseThrow();
        Instant notBefore = batches.previousCutoff(bank.id(), batch.cutoff())
                .map(previous -> previous.minus(config.lateCommitMargin()))
                .orElse(Instant.EPOCH);
        Assigned assigned = netting.assignWindow(batchId, bank.id(), batch.cutoff(), notBefore);
        CurrencyUnit currency = Currencies.supported(bank.currency());
        MinorAmount minimumPayout = MinorAmount.of(bank.minimumPayoutMinor(), currency);
        List<SettlementItem> payouts = new ArrayList<>();
        MinorAmount payout = MinorAmount.zero(currency);
        MinorAmount fees = MinorAmount.zero(currency);
        MinorAmount yenSold = MinorAmount.zero(Currencies.JPY);
        MinorAmount bought = MinorAmount.zero(currency);
        int itemCount = 0;
        for (MerchantTotals totals : netting.merchantTotals(batchId)) {
            // A merchant of another currency than its bank's cannot be netted against its minimum: minus() refuses it.
            MerchantNetting net =
                    MerchantNetting.of(totals.gross(), totals.refunded(), config.merchantFeeBps(), minimumPayout);
            SettlementItem item = new SettlementItem(
                    totals.merchantId(),
                    totals.name(),
                    totals.payoutAccount(),
                    totals.payments(),
                    totals.refunds(),
                    net,
                    totals.chargeYen(),
                    net.isPaid() ? EndToEndIds.of(batchId, batch.cutoff(), totals.merchantId()) : null,
                    totals.payoutAccountHolderKana());
            netting.insertItem(batchId, item);
            itemCount++;
            if (net.isPaid()) {
                payouts.add(item);
                payout = payout.plus(net.netAmount());
                fees = fees.plus(net.feeAmount());
                yenSold = yenSold.plus(item.chargeYen());
                bought = bought.plus(net.grossAmount().minus(net.refundedAmount()));
            }
            // A carried-forward item stays as it is; the bank's next batch takes it over
            // (NettingRepository.assignWindow).
        }
        boolean foreign = !currency.equals(Currencies.JPY);
        LocalDate executionDate = calendars
                .of(bank)
                .nextOpenOnOrAfter(batch.cutoff().atZone(bank.timeZone()).toLocalDate());
        batches.setTotals(
                batchId,
                new BatchRepository.Totals(
                        payout,
                        fees,
                        foreign ? yenSold : null,
                        foreign ? bought : null,
                        payouts.size(),
                        executionDate));
        if (!payouts.isEmpty()) {
            var journal =
                    SettlementJournals.payout(UUID.randomUUID(), batchId, bank.id(), payout, payouts, clock.instant());
            SettlementJournals.requireTotal(journal, bank.id(), payout);
            ledger.post(journal);
        }
        batches.moveState(
                batchId,
                BatchState.OPEN,
                BatchState.CLOSED,
                assigned.payments() + " payments, "
                        + assigned.refunds() + " refunds, " + assigned.carriedIn() + " carried in, " + itemCount
                        + " merchants, "
                        + payouts.size() + " paid",
                actor,
                clock.instant());
    }
}
