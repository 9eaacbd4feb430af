package com.kakehashi.reconciliation.application;

import com.kakehashi.reconciliation.infra.BreakRepository;
import com.kakehashi.reconciliation.infra.MatchingRepository;
import com.kakehashi.reconciliation.infra.StatementRepository;
import com.kakehashi.settlement.domain.BatchReconciled;
import com.kakehashi.settlement.domain.PayoutReturned;
import com.kakehashi.wallet.application.TopUps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Matches one new statement against the bank's open expected items, a window of lines per transaction,
 * keeps breaks in step, and tells the others what it learnt: pending top-ups confirmed or failed,
 * payouts returned, settlement batches reconciled. Whatever one line's consequence throws, that line
 * becomes an UNPROCESSABLE break with the reason and the other lines and statements go on.
 */
@ApplicationScoped
public class Matching {
    private static final Logger LOG = Logger.getLogger(Matching.class);

    @Inject
    MatchingRepository matching;

    @Inject
    StatementRepository statements;

    @Inject
    BreakRepository breaks;

    @Inject
    ReconciliationConfig config;

    @Inject
    TopUps topUps;

    @Inject
    Event<BatchReconciled> reconciled;

    @Inject
    Event<PayoutReturned> returned;

    @Inject
    Clock clock;

    @Inject
    BreakAnnouncements announcements;

    public void match(String bankId, UUID statementId, String actor) {
        Instant now = clock.instant();
        UUID run = UUID.randomUUID();
        List<UUID> replaced = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> earlier = statements.earlierVersions(statementId);
            for (UUID old : earlier) {
                matching.undo(old);
                statements.supersede(old, statementId);
            }
            return earlier;
        });
        int last = QuarkusTransaction.requiringNew().call(() -> statements.maxSeq(statementId));
        int window = config.matchWindow();
        for (int lo = 1; lo <= last; lo += window) {
            int from = lo;
            int to = Math.min(last, lo + window - 1);
            QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                breaks.cleared(
                        matching.matchWindow(bankId, statementId, from, to, config.toleranceMinor(), run, now), now);
                breaks.sync(bankId, run, statementId, from, to, now);
                announcements.announceOpened(bankId, now);
            });
        }
        QuarkusTransaction.requiringNew().run(() -> {
            statements.markProcessed(statementId);
            matching.missing(bankId, config.missingGraceDays(), run, now);
            breaks.sync(bankId, run, null, 0, 0, now);
            breaks.clearOf(replaced, now);
            announcements.announceOpened(bankId, now);
        });
        afterRun(bankId, run, actor, now);
    }

    /** Undoes the results of statements whose intake failed (their breaks are cleared). */
    void forget(List<UUID> statementIds) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            statementIds.forEach(matching::undo);
            breaks.clearOf(statementIds, now);
        });
    }

    /** A resolved break may complete its batch. */
    public void afterResolution(String bankId, UUID batchId, String actor) {
        if (batchId != null) {
            reconcile(bankId, List.of(batchId), actor);
        }
    }

    private void afterRun(String bankId, UUID run, String actor, Instant now) {
        for (MatchingRepository.TopUpOutcome outcome :
                QuarkusTransaction.requiringNew().call(() -> matching.topUpOutcomes(bankId, run))) {
            guarded(bankId, run, outcome.statementId(), outcome.seq(), outcome.expectedItemId(), now, () -> {
                UUID topUpId = Expectations.topUpId(outcome.reference());
                if (outcome.outcome().equals("MATCHED")) {
                    topUps.confirmFromStatement(topUpId, outcome.bankReference());
                } else {
                    topUps.failFromStatement(topUpId, "not on the funding bank's statements");
                }
            });
        }
        for (MatchingRepository.Returned r : QuarkusTransaction.requiringNew().call(() -> matching.returned(run))) {
            guarded(
                    bankId,
                    run,
                    r.statementId(),
                    r.seq(),
                    null,
                    now,
                    () -> QuarkusTransaction.requiringNew()
                            .run(() -> returned.fire(new PayoutReturned(
                                    bankId,
                                    r.batchId(),
                                    r.endToEndId(),
                                    r.amount(),
                                    r.reasonCode(),
                                    r.statementId(),
                                    r.seq()))));
        }
        reconcile(bankId, QuarkusTransaction.requiringNew().call(() -> matching.batchesOfRun(run)), actor);
    }

    private void reconcile(String bankId, List<UUID> candidates, String actor) {
        List<UUID> done = QuarkusTransaction.requiringNew().call(() -> matching.reconciledBatches(bankId, candidates));
        for (UUID batchId : done) {
            try {
                QuarkusTransaction.requiringNew().run(() -> reconciled.fire(new BatchReconciled(batchId, actor)));
            } catch (RuntimeException e) {
                LOG.errorf(
                        e,
                        "Batch %s is reconciled but settlement could not record it; the next statement retries",
                        batchId);
            }
        }
    }

    /** Runs one line's consequence; if it throws, the line becomes an UNPROCESSABLE break with the reason. */
    private void guarded(
            String bankId,
            UUID run,
            UUID statementId,
            Integer seq,
            UUID expectedItemId,
            Instant now,
            Runnable consequence) {
        try {
            consequence.run();
        } catch (RuntimeException e) {
            String reason = "its consequence failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            // WARN: the UNPROCESSABLE break is the durable signal an operator works from
            LOG.warnf(e, "Statement %s line %s of bank %s is unprocessable", statementId, seq, bankId);
            QuarkusTransaction.requiringNew().run(() -> {
                matching.unprocessable(bankId, statementId, seq == null ? 0 : seq, expectedItemId, reason, run, now);
                breaks.sync(bankId, run, statementId, seq == null ? 0 : seq, seq == null ? 0 : seq, now);
                announcements.announceOpened(bankId, now);
            });
        }
    }
}
