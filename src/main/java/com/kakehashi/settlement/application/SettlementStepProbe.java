package com.kakehashi.settlement.application;

import java.util.UUID;

/**
 * Named points between the steps of a batch, where tests inject a crash to prove that every step
 * is resumable. The production bean does nothing.
 */
public interface SettlementStepProbe {
    String BEFORE_CLOSE = "before-close";
    String AFTER_CLOSE = "after-close";
    String MID_FILES = "mid-files";
    String AFTER_FILES = "after-files-before-delivery";
    String AFTER_DELIVERY = "after-delivery-before-state";

    void reached(String step, UUID batchId);
}
