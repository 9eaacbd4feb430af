package com.kakehashi.settlement.application;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.settlement.domain.BatchState;
import com.kakehashi.settlement.domain.SettlementBatch;
import com.kakehashi.settlement.infra.BatchRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs a bank's batch for one cut-off through its steps, each in its own transaction and each
 * idempotent, so a run interrupted anywhere is finished by the next run of the same bank and cut-off
 * (from the scheduler, an operator, or another instance): OPEN -> CLOSED -> FILES_WRITTEN -> DELIVERED.
 */
@ApplicationScoped
public class SettlementRuns {
    private static final Logger LOG = Logger.getLogger(SettlementRuns.class);

    @Inject
    BatchRepository repository;

    @Inject
    PartnerBanks banks;

    @Inject
    WindowClosing closing;

    @Inject
    BatchFiles files;

    @Inject
    BatchDelivery delivery;

    @Inject
    SettlementStepProbe probe;

    @Inject
    Clock clock;

    public record Run(SettlementBatch batch, boolean created) {}

    /** Settles the bank's window ending at {@code cutoff}; the same bank and cut-off always give the same batch. */
    public Run run(String bankId, Instant cutoff, String actor) {
        PartnerBank bank = banks.byId(bankId);
        if (cutoff.isAfter(clock.instant())) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "cut-off " + cutoff + " is in the future");
        }
        boolean created = QuarkusTransaction.requiringNew()
                .call(() -> repository.insertIfAbsent(
                        UUID.randomUUID(), bank.id(), cutoff, bank.currency(), clock.instant()));
        SettlementBatch batch = QuarkusTransaction.requiringNew()
                .call(() -> repository.byBankAndCutoff(bank.id(), cutoff).orElseThrow());
        return new Run(advance(batch.id(), bank, actor), created);
    }

    /** Takes a batch as far as it can go by itself; every step checks the state under a row lock first. */
    public SettlementBatch advance(UUID batchId, PartnerBank bank, String actor) {
        for (int step = 0; step < 4; step++) {
            BatchState state = batch(batchId).state();
            switch (state) {
                case OPEN -> {
                    probe.reached(SettlementStepProbe.BEFORE_CLOSE, batchId);
                    closing.close(batchId, bank, actor);
                    probe.reached(SettlementStepProbe.AFTER_CLOSE, batchId);
                }
                case CLOSED -> {
                    files.write(batchId, bank, actor);
                    probe.reached(SettlementStepProbe.AFTER_FILES, batchId);
                }
                case FILES_WRITTEN -> delivery.deliverWritten(batchId, bank, actor);
                default -> {
                    return batch(batchId);
                }
            }
        }
        return batch(batchId);
    }

    /** Delivers a delivered or failed batch's files again (same names, same bytes, same idempotency keys). */
    public SettlementBatch redeliver(UUID batchId, String actor) {
        SettlementBatch batch = batch(batchId);
        var seen = QuarkusTransaction.requiringNew().call(() -> repository.stateAndVersion(batchId));
        if (seen.state() != BatchState.DELIVERED && seen.state() != BatchState.FAILED) {
            throw new BusinessException(
                    ErrorCode.BATCH_STATE_CONFLICT,
                    "Batch " + batchId + " is " + seen.state() + "; only DELIVERED or FAILED batches are redelivered");
        }
        // Concurrent redeliveries that saw the same state send once: the first moves the version on.
        delivery.redeliver(batchId, seen.version(), banks.byId(batch.bankId()), actor);
        return batch(batchId);
    }

    /** Finishes batches a crash or a stop left half-way (called by the scheduler on every tick). */
    public void resumeUnfinished(String actor) {
        for (SettlementBatch batch : QuarkusTransaction.requiringNew().call(() -> repository.inProgress())) {
            try {
                advance(batch.id(), banks.byId(batch.bankId()), actor);
            } catch (RuntimeException e) {
                LOG.errorf(
                        e,
                        "Settlement batch %s (%s %s) could not be resumed",
                        batch.id(),
                        batch.bankId(),
                        batch.cutoff());
            }
        }
    }

    public SettlementBatch batch(UUID batchId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> repository.byId(batchId))
                .orElseThrow(() -> new BusinessException(ErrorCode.BATCH_NOT_FOUND, "No settlement batch " + batchId));
    }
}
