package com.kakehashi.fx.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A figure held outside the plausibility band until a second operator decides on it. The rate keeps
 * the figures, source and times as submitted; {@code rateInForce} and {@code deviationBps} are what
 * the band compared it with when it was held.
 */
public record PendingRate(
        UUID id,
        FxRate rate,
        String submittedBy,
        BigDecimal rateInForce,
        long deviationBps,
        int bandBps,
        Status status,
        String decidedBy,
        Instant decidedAt,
        String reason,
        long version) {

    public enum Status {
        PENDING_APPROVAL,
        APPROVED,
        REJECTED
    }

    public PendingRate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(submittedBy, "submittedBy");
        Objects.requireNonNull(rateInForce, "rateInForce");
        Objects.requireNonNull(status, "status");
        if ((status == Status.PENDING_APPROVAL) != (decidedBy == null)) {
            throw new IllegalArgumentException("a decided item names who decided, a pending one does not");
        }
        if (status == Status.APPROVED && decidedBy.equals(submittedBy)) {
            throw new IllegalArgumentException("four eyes: " + submittedBy + " cannot approve their own figure");
        }
    }

    public static PendingRate held(UUID id, FxRate rate, String submittedBy, Plausibility.Outside outside) {
        return new PendingRate(
                id,
                rate,
                submittedBy,
                outside.rateInForce(),
                outside.deviationBps(),
                outside.bandBps(),
                Status.PENDING_APPROVAL,
                null,
                null,
                null,
                0);
    }

    /** What an operator may do with this item. */
    public sealed interface Decidability {}

    public record Decidable() implements Decidability {}

    public record AlreadyDecided(Status status, String by, Instant at) implements Decidability {}

    public record OwnFigure(String operator) implements Decidability {}

    /** The rate in force is no longer the one this figure was reviewed against (null: none in force). */
    public record ReferenceMoved(BigDecimal reviewedAgainst, BigDecimal inForceNow) implements Decidability {}

    /**
     * Four eyes: anybody but the submitter approves; the submitter may still withdraw (reject) their figure.
     * The approver reviews the deviation from {@link #rateInForce()}: once another rate took its place, that
     * review no longer holds and the figure is rejected and resubmitted instead.
     */
    public Decidability mayApprove(String operator, BigDecimal rateInForceNow) {
        if (status != Status.PENDING_APPROVAL) {
            return new AlreadyDecided(status, decidedBy, decidedAt);
        }
        if (submittedBy.equals(operator)) {
            return new OwnFigure(operator);
        }
        if (rateInForceNow == null || rateInForceNow.compareTo(rateInForce) != 0) {
            return new ReferenceMoved(rateInForce, rateInForceNow);
        }
        return new Decidable();
    }

    public Decidability mayReject() {
        return status == Status.PENDING_APPROVAL ? new Decidable() : new AlreadyDecided(status, decidedBy, decidedAt);
    }

    /**
     * The rate as published on approval: in force from the approval (or its own validFrom, if later), so no
     * price changed before a second operator agreed, and the history says when it really took effect.
     */
    public FxRate publishedAt(Instant approvedAt) {
        Instant from = rate.validFrom().isAfter(approvedAt) ? rate.validFrom() : approvedAt;
        return new FxRate(rate.pair(), rate.mid(), rate.bid(), rate.ask(), rate.source(), from, rate.receivedAt());
    }
}
