package com.kakehashi.settlement.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.settlement.domain.BatchState;
import com.kakehashi.settlement.domain.EndToEndIds;
import com.kakehashi.settlement.domain.SettlementBatch;
import com.kakehashi.settlement.infra.BatchRepository;
import com.prowidesoftware.swift.model.mx.MxPain00200110;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * The bank's answer to a delivered batch, as JSON or as an ISO 20022 pain.002 status report: accepted
 * moves the batch to ACKNOWLEDGED, rejected to FAILED with the bank's reason (then redeliver).
 * Repeating the same answer is harmless.
 */
@ApplicationScoped
public class Acknowledgements {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Acknowledgements.class);

    /** pain.002 group statuses that mean the bank took the file. */
    private static final Set<String> ACCEPTED = Set.of("ACCP", "ACTC", "ACSP", "ACSC", "ACWC", "PART");

    @Inject
    BatchRepository repository;

    @Inject
    Clock clock;

    public record Answer(boolean accepted, String reason) {}

    public SettlementBatch acknowledge(UUID batchId, Answer answer, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BatchState state = repository.lock(batchId);
            BatchState next = answer.accepted() ? BatchState.ACKNOWLEDGED : BatchState.FAILED;
            if (state == next && answer.accepted()) {
                return repository.byId(batchId).orElseThrow();
            }
            if (state != BatchState.DELIVERED) {
                throw new BusinessException(
                        ErrorCode.BATCH_STATE_CONFLICT,
                        "Batch " + batchId + " is " + state + "; only a DELIVERED batch is acknowledged");
            }
            repository.moveState(
                    batchId,
                    state,
                    next,
                    answer.accepted() ? "accepted by the bank" : answer.reason(),
                    actor,
                    clock.instant());
            return repository.byId(batchId).orElseThrow();
        });
    }

    /** Reconciliation found every instruction on the bank's statements (or resolved its break). */
    void reconciled(@jakarta.enterprise.event.Observes com.kakehashi.settlement.domain.BatchReconciled event) {
        java.util.Optional<BatchState> locked =
                repository.lockedIfPresent(event.batchId()).map(BatchRepository.LockedBatch::state);
        if (locked.isEmpty()) {
            LOG.warnf("Reconciliation reports batch %s reconciled, but settlement has no such batch", event.batchId());
            return;
        }
        BatchState state = locked.get();
        if (state.canMoveTo(BatchState.RECONCILED)) {
            repository.moveState(
                    event.batchId(),
                    state,
                    BatchState.RECONCILED,
                    "every instruction reconciled",
                    event.actor(),
                    clock.instant());
        }
    }

    /** Reads a pain.002.001.10 for this batch: its original message id must be the batch's. */
    public static Answer fromPain002(UUID batchId, String xml) {
        if (xml.length() > 1_000_000 || xml.contains("<!DOCTYPE") || xml.contains("<!ENTITY")) {
            throw new BusinessException(ErrorCode.ACKNOWLEDGEMENT_INVALID, "pain.002 without DTDs, at most 1 MB");
        }
        MxPain00200110 report;
        try {
            report = MxPain00200110.parse(xml);
        } catch (RuntimeException e) {
            throw new BusinessException(
                    ErrorCode.ACKNOWLEDGEMENT_INVALID, "not a readable pain.002: " + e.getMessage());
        }
        if (report == null
                || report.getCstmrPmtStsRpt() == null
                || report.getCstmrPmtStsRpt().getOrgnlGrpInfAndSts() == null) {
            throw new BusinessException(ErrorCode.ACKNOWLEDGEMENT_INVALID, "not a pain.002.001.10 status report");
        }
        var original = report.getCstmrPmtStsRpt().getOrgnlGrpInfAndSts();
        if (!EndToEndIds.messageId(batchId).equals(original.getOrgnlMsgId())) {
            throw new BusinessException(
                    ErrorCode.ACKNOWLEDGEMENT_INVALID,
                    "the report answers message " + original.getOrgnlMsgId() + ", not "
                            + EndToEndIds.messageId(batchId));
        }
        String status = original.getGrpSts();
        if (status == null) {
            throw new BusinessException(ErrorCode.ACKNOWLEDGEMENT_INVALID, "the report has no group status (GrpSts)");
        }
        String reason = original.getStsRsnInf().stream()
                .flatMap(r -> r.getAddtlInf().stream())
                .findFirst()
                .orElse("rejected by the bank (" + status + ")");
        return new Answer(ACCEPTED.contains(status), ACCEPTED.contains(status) ? null : reason);
    }
}
