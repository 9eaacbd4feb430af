package com.kakehashi.reconciliation.application;

/**
 * Whether anybody listens for new breaks at all. Implemented by the webhook feature (operators subscribed to
 * webhooks), so that matching pays nothing, not even the look-up of the breaks it opened, when nobody would hear
 * of them. Without an implementation, breaks are always announced.
 */
public interface BreakListeners {
    boolean anyListener();
}
