package com.kakehashi.payment.domain;

import com.kakehashi.common.error.ErrorCode;

/** What confirming a quote decided: the payment (new, or replayed for a retried key), or why not. */
public sealed interface CaptureOutcome {
    record Captured(Payment payment, boolean replayed) implements CaptureOutcome {}

    record Rejected(ErrorCode code, String detail) implements CaptureOutcome {}
}
