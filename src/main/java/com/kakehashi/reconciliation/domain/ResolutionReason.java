package com.kakehashi.reconciliation.domain;

/** Documented reasons a break is closed (docs/reconciliation.md). CLEARED is the matcher's own. */
public enum ResolutionReason {
    BANK_CORRECTED,
    BANK_FEE,
    ROUNDING,
    DUPLICATE_RETURNED,
    TIMING,
    MANUAL_ADJUSTMENT,
    WRITTEN_OFF,
    CLEARED
}
