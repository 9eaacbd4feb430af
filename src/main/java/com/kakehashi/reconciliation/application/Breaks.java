package com.kakehashi.reconciliation.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.reconciliation.domain.BreakEvent;
import com.kakehashi.reconciliation.domain.BreakRecord;
import com.kakehashi.reconciliation.domain.BreakStatus;
import com.kakehashi.reconciliation.domain.ResolutionReason;
import com.kakehashi.reconciliation.infra.BreakRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The break workflow: assign, resolve with a reason, reopen; every change is audited and version-checked. */
@ApplicationScoped
public class Breaks {
    @Inject
    BreakRepository repository;

    @Inject
    Matching matching;

    @Inject
    Clock clock;

    /** @param openedBefore only breaks opened before it (older than an age), or null for any age */
    @Transactional
    public List<BreakRecord> list(
            String bankId,
            String outcome,
            String status,
            String kind,
            UUID batchId,
            java.time.Instant openedBefore,
            int page,
            int size) {
        return repository.list(bankId, outcome, status, kind, batchId, openedBefore, page * size, size);
    }

    @Transactional
    public BreakRecord get(UUID id) {
        return repository
                .byId(id)
                .orElseThrow(() -> new BusinessException(ErrorCode.BREAK_NOT_FOUND, "No break " + id));
    }

    @Transactional
    public List<BreakEvent> history(UUID id) {
        get(id);
        return repository.events(id);
    }

    @Transactional
    public BreakRecord assign(UUID id, String assignee, String actor) {
        BreakRecord b = get(id);
        if (b.status().equals(BreakStatus.RESOLVED.name())) {
            throw new BusinessException(
                    ErrorCode.BREAK_STATE_CONFLICT, "Break " + id + " is resolved; reopen it first");
        }
        change(b, BreakStatus.ASSIGNED.name(), assignee, null, b.comment());
        repository.event(id, "ASSIGNED", actor, "to " + assignee, clock.instant());
        return get(id);
    }

    public BreakRecord resolve(UUID id, ResolutionReason reason, String comment, String actor) {
        if (reason == ResolutionReason.CLEARED) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "CLEARED is the matcher's own reason");
        }
        BreakRecord b = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> {
                    BreakRecord current = get(id);
                    if (current.status().equals(BreakStatus.RESOLVED.name())) {
                        throw new BusinessException(
                                ErrorCode.BREAK_STATE_CONFLICT, "Break " + id + " is already resolved");
                    }
                    change(current, BreakStatus.RESOLVED.name(), current.assignee(), reason.name(), comment);
                    repository.event(id, "RESOLVED", actor, reason + ": " + comment, clock.instant());
                    return get(id);
                });
        matching.afterResolution(b.bankId(), b.batchId(), actor); // a resolved instruction may complete its batch
        return get(id);
    }

    @Transactional
    public BreakRecord reopen(UUID id, String comment, String actor) {
        BreakRecord b = get(id);
        if (!b.status().equals(BreakStatus.RESOLVED.name())) {
            throw new BusinessException(ErrorCode.BREAK_STATE_CONFLICT, "Break " + id + " is not resolved");
        }
        change(b, BreakStatus.OPEN.name(), null, null, comment);
        repository.event(id, "REOPENED", actor, comment, clock.instant());
        return get(id);
    }

    private void change(BreakRecord b, String status, String assignee, String reason, String comment) {
        if (!repository.update(b.id(), b.version(), status, assignee, reason, comment, clock.instant())) {
            throw new BusinessException(
                    ErrorCode.CONCURRENT_MODIFICATION, "Break " + b.id() + " changed meanwhile; read it again");
        }
    }
}
