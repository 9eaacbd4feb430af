package com.kakehashi.reconciliation.domain;

/** A break is OPEN until someone takes it (ASSIGNED) and works it to a reason (RESOLVED); it may be reopened. */
public enum BreakStatus {
    OPEN,
    ASSIGNED,
    RESOLVED
}
