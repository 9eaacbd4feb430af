package com.kakehashi.reconciliation.application;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.reconciliation.domain.ExpectedItem;
import com.kakehashi.reconciliation.domain.StatementEntry.Direction;
import com.kakehashi.reconciliation.infra.ExpectationRepository;
import com.kakehashi.settlement.domain.BatchDelivered;
import com.kakehashi.wallet.domain.TopUpRequested;
import com.kakehashi.wallet.domain.TopUpReversalStarted;
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

    @Inject
    ReconciliationConfig config;

    /** The funding bank debits the customer's account and credits the house's: one CRDT, the top-up id as reference. */
    void topUpRequested(@Observes TopUpRequested event) {
        expect(new ExpectedItem(
                UUID.randomUUID(),
                event.fundingBankId(),
                ExpectedItem.Kind.TOP_UP_DEBIT,
                topUpReference(event.topUpId()),
                null,
                Direction.CRDT,
                MinorAmount.of(event.amountMinor(), event.currency()),
                event.requestedAt().atZone(TOKYO).toLocalDate(),
                event.holderName()));
    }

    /** A top-up the wallet could not take goes back: one DBIT, "R" and the top-up's reference as end-to-end id. */
    void topUpReversalStarted(@Observes TopUpReversalStarted event) {
        expect(new ExpectedItem(
                UUID.randomUUID(),
                event.fundingBankId(),
                ExpectedItem.Kind.TOP_UP_REVERSAL,
                reversalReference(event.topUpId()),
                null,
                Direction.DBIT,
                MinorAmount.of(event.amountMinor(), event.currency()),
                event.startedAt().atZone(TOKYO).toLocalDate(),
                event.holderName()));
    }

    /** Each payout instruction leaves the house's account at the bank: one DBIT, the end-to-end id as reference. */
    void batchDelivered(@Observes BatchDelivered event) {
        for (BatchDelivered.Instruction instruction : event.instructions()) {
            expect(new ExpectedItem(
                    UUID.randomUUID(),
                    event.bankId(),
                    ExpectedItem.Kind.SETTLEMENT_INSTRUCTION,
                    instruction.endToEndId(),
                    event.batchId(),
                    Direction.DBIT,
                    instruction.amount(),
                    event.valueDate(),
                    instruction.counterparty()));
        }
        // A foreign-currency batch is covered by buying its currency: the bank credits what was bought.
        if (event.fxBought() != null && event.fxBought().isPositive()) {
            expect(new ExpectedItem(
                    UUID.randomUUID(),
                    event.bankId(),
                    ExpectedItem.Kind.FX_COVER,
                    event.fxCoverReference(),
                    event.batchId(),
                    Direction.CRDT,
                    event.fxBought(),
                    event.valueDate(),
                    null));
        }
        // The bank's fee for executing the batch, when its fee schedule is configured.
        MinorAmount fee = MinorAmount.of(
                Math.multiplyExact(config.bankFeePerInstructionMinor().getOrDefault(event.bankId(), 0L), (long)
                        event.instructions().size()),
                event.currency());
        if (fee.isPositive()) {
            expect(new ExpectedItem(
                    UUID.randomUUID(),
                    event.bankId(),
                    ExpectedItem.Kind.FEE,
                    event.feeReference(),
                    event.batchId(),
                    Direction.DBIT,
                    fee,
                    event.valueDate(),
                    null));
        }
    }

    /** ISO 20022 end-to-end ids hold 35 characters: the debit's request id goes without its dashes (32). */
    public static String topUpReference(UUID topUpId) {
        return topUpId.toString().replace("-", "");
    }

    /** The end-to-end id the funding bank books a top-up's reversal under (docs/bank-debit-api.md). */
    public static String reversalReference(UUID topUpId) {
        return "R" + topUpReference(topUpId);
    }

    public static UUID topUpId(String reference) {
        return UUID.fromString(reference.replaceFirst(
                "(\\p{XDigit}{8})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}{12})", "$1-$2-$3-$4-$5"));
    }

    public void expect(ExpectedItem item) {
        repository.insertIfAbsent(item, clock.instant());
    }
}
