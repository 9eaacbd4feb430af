package com.kakehashi.settlement.domain;

import java.util.UUID;

/** Every instruction of the batch is matched on the bank's statements or its break was resolved. */
public record BatchReconciled(UUID batchId, String actor) {}
