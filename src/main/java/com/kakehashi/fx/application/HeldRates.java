package com.kakehashi.fx.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.fx.domain.FxRate;
import com.kakehashi.fx.domain.PendingRate;
import com.kakehashi.fx.domain.PendingRateEvent;
import com.kakehashi.fx.domain.ResolvedRate;
import com.kakehashi.fx.infra.FxRateRepository;
import com.kakehashi.fx.infra.PendingRateRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Figures held outside the plausibility band, and the four-eyes decision on them: a second operator (never
 * the submitter) approves, which publishes the rate from that moment; any operator rejects. Each decision is
 * a conditional update of the still-pending item, audited in the same transaction.
 */
@ApplicationScoped
public class HeldRates {
    public static final int MAX_LISTED = 500;

    @Inject
    PendingRateRepository pending;

    @Inject
    FxRates rates;

    @Inject
    Clock clock;

    public List<PendingRate> list(PendingRate.Status status) {
        return QuarkusTransaction.requiringNew().call(() -> pending.inStatus(status, MAX_LISTED));
    }

    public PendingRate one(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> find(id));
    }

    public List<PendingRateEvent> audit(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            find(id);
            return pending.events(id);
        });
    }

    /** Publishes the held figure, in force from now (or its own later validFrom); returns the published rate. */
    public FxRate approve(UUID id, String operator) {
        rates.refresh(); // "the rate in force" is what every instance has committed
        Instant now = clock.instant();
        FxRate published = QuarkusTransaction.requiringNew().call(() -> {
            PendingRate item = find(id);
            FxRate rate = item.publishedAt(now);
            BigDecimal inForceNow = rates.resolver()
                    .resolve(rate.pair(), rate.validFrom())
                    .map(ResolvedRate::mid)
                    .orElse(null);
            switch (item.mayApprove(operator, inForceNow)) {
                case PendingRate.Decidable d -> {}
                case PendingRate.OwnFigure own ->
                    throw new BusinessException(
                            ErrorCode.FX_SECOND_OPERATOR_REQUIRED,
                            own.operator() + " submitted this figure; another operator must approve it");
                case PendingRate.AlreadyDecided done -> throw noLongerApprovable(done);
                case PendingRate.ReferenceMoved moved ->
                    throw new BusinessException(
                            ErrorCode.FX_RATE_OUT_OF_BAND,
                            "the rate in force moved from " + plain(moved.reviewedAgainst()) + " to "
                                    + plain(moved.inForceNow())
                                    + " since this figure was held; its deviation no longer holds: reject it and resubmit");
            }
            FxRateRepository.Insertion insertion = rates.store(rate, item.submittedBy());
            decide(
                    item,
                    PendingRate.Status.APPROVED,
                    operator,
                    now,
                    null,
                    insertion.stored().id());
            return insertion.stored().rate();
        });
        rates.learn(List.of(published));
        return published;
    }

    /** Closes the held figure without publishing it; the reason is kept in the audit trail. */
    public PendingRate reject(UUID id, String operator, String reason) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            PendingRate item = find(id);
            if (item.mayReject() instanceof PendingRate.AlreadyDecided done) {
                throw noLongerApprovable(done);
            }
            decide(item, PendingRate.Status.REJECTED, operator, now, reason, null);
            return find(id);
        });
    }

    private void decide(
            PendingRate item,
            PendingRate.Status status,
            String operator,
            Instant now,
            String reason,
            Long publishedId) {
        if (!pending.decide(item.id(), item.version(), status, operator, now, reason, publishedId)) {
            PendingRate current = find(item.id());
            throw noLongerApprovable(
                    new PendingRate.AlreadyDecided(current.status(), current.decidedBy(), current.decidedAt()));
        }
    }

    private PendingRate find(UUID id) {
        return pending.byId(id)
                .orElseThrow(() -> new BusinessException(
                        ErrorCode.FX_PENDING_RATE_NOT_FOUND, "No rate held for approval with id " + id));
    }

    private static BusinessException noLongerApprovable(PendingRate.AlreadyDecided done) {
        return new BusinessException(
                ErrorCode.FX_RATE_OUT_OF_BAND,
                "this figure is no longer pending: " + done.status() + " by " + done.by() + " at " + done.at());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "none" : value.stripTrailingZeros().toPlainString();
    }
}
