package com.kakehashi.reconciliation.domain;

import java.time.Instant;

/** One step of a break's audit trail: who did what, when. */
public record BreakEvent(String action, String actor, String detail, Instant at) {}
