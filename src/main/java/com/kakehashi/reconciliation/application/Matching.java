package com.kakehashi.reconciliation.application;

import com.kakehashi.reconciliation.infra.BreakRepository;
import com.kakehashi.reconciliation.infra.MatchingRepository;
import com.kakehashi.settlement.domain.BatchReconciled;
import com.kakehashi.wallet.application.TopUps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Re-matches a bank from scratch (idempotent, convergent), keeps breaks in step, and tells the others
 * what it learnt: pending top-ups confirmed or failed, settlement batches reconciled.
 */
@ApplicationScoped
public class Matching {
    /** Top-ups older than this are not looked at again on every statement. */
    private static final int TOP_UP_LOOKBACK_DAYS = 35;

    @Inject
    MatchingRepository matching;
    @Inject
    BreakRepository breaks;
    @Inject
    ReconciliationConfig config;
    @Inject
    TopUps topUps;
    @Inject
    Event<BatchReconciled> reconciled;
    @Inject
    Clock clock;

    public void rematch(String bankId, String actor) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            matching.rematch(bankId, config.toleranceMinor(), config.missingGraceDays(), now);
            breaks.sync(bankId, now);
        });
        List<MatchingRepository.TopUpOutcome> outcomes = QuarkusTransaction.requiringNew().call(() -> matching
                .topUpOutcomes(bankId, now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(TOP_UP_LOOKBACK_DAYS)));
        for (MatchingRepository.TopUpOutcome outcome : outcomes) {
            if (outcome.outcome().equals("MATCHED")) {
                topUps.confirmFromStatement(Expectations.topUpId(outcome.reference()), outcome.bankReference());
            } else {
                topUps.failFromStatement(Expectations.topUpId(outcome.reference()), "not on the funding bank's statements");
            }
        }
        for (UUID batchId : QuarkusTransaction.requiringNew().call(() -> matching.reconciledBatches(bankId))) {
            QuarkusTransaction.requiringNew().run(() -> reconciled.fire(new BatchReconciled(batchId, actor)));
        }
    }
}
