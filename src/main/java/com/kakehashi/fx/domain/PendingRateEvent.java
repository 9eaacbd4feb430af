package com.kakehashi.fx.domain;

import java.time.Instant;

/** One step of a held rate's audit trail. */
public record PendingRateEvent(PendingRate.Status status, String actor, Instant at, String reason) {}
