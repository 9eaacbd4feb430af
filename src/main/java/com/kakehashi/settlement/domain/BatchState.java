package com.kakehashi.settlement.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A batch's life: OPEN -> CLOSED -> FILES_WRITTEN -> DELIVERED -> ACKNOWLEDGED -> RECONCILED, or FAILED
 * (with a reason) after delivery was refused; a failed batch is redelivered. Each step is idempotent.
 */
public enum BatchState {
    OPEN,
    CLOSED,
    FILES_WRITTEN,
    DELIVERED,
    ACKNOWLEDGED,
    FAILED,
    RECONCILED;

    public boolean canMoveTo(BatchState next) {
        return allowedNext().contains(next);
    }

    private Set<BatchState> allowedNext() {
        return switch (this) {
            case OPEN -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.of(FILES_WRITTEN);
            case FILES_WRITTEN -> EnumSet.of(DELIVERED, FAILED);
            case DELIVERED -> EnumSet.of(ACKNOWLEDGED, FAILED, DELIVERED, RECONCILED);
            case FAILED -> EnumSet.of(DELIVERED, FAILED);
            case ACKNOWLEDGED -> EnumSet.of(RECONCILED);
            case RECONCILED -> EnumSet.noneOf(BatchState.class);
        };
    }

    /** Steps the batch runner still has to take by itself (acknowledgement comes from the bank). */
    public boolean isInProgress() {
        return this == OPEN || this == CLOSED || this == FILES_WRITTEN;
    }
}
