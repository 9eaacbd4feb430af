package com.kakehashi.settlement.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * End-to-end ids the bank echoes back on its statement (reconciliation matches on them): derived
 * from the batch and the merchant, so a re-run of a step produces the same id. At most 35
 * characters (ISO 20022 Max35Text): "KKH" + cut-off (yyMMddHHmm) + 8 hex of the batch + 12 of the merchant.
 */
public final class EndToEndIds {
    private static final DateTimeFormatter CUTOFF =
            DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);

    private EndToEndIds() {}

    public static String of(UUID batchId, Instant cutoff, UUID merchantId) {
        return "KKH" + CUTOFF.format(cutoff) + hex(batchId).substring(0, 8)
                + hex(merchantId).substring(20, 32);
    }

    /** The message id of the batch's files: "KKH" + the batch id without dashes (35 characters). */
    public static String messageId(UUID batchId) {
        return "KKH" + hex(batchId);
    }

    private static String hex(UUID id) {
        return id.toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }
}
