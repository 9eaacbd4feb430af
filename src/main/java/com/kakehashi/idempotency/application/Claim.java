package com.kakehashi.idempotency.application;

/** What claiming an idempotency key found. */
public sealed interface Claim {
    /** First use of the key: do the work, then {@link Idempotency#complete}. */
    record Fresh() implements Claim {}

    /** The key was used before with the same request: answer exactly this again. */
    record Replay(int status, String body, String resourceId) implements Claim {}

    /** The key was used before with another request: the caller answers {@code idempotency_key_reused}. */
    record Mismatch(String key) implements Claim {}

    /** The same request was accepted but its answer is not final yet (e.g. a bank call in flight). */
    record InFlight(String resourceId) implements Claim {}
}
