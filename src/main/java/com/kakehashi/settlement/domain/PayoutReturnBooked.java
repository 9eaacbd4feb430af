package com.kakehashi.settlement.domain;

import com.kakehashi.common.money.MinorAmount;
import java.time.Instant;
import java.util.UUID;

/**
 * Settlement took a returned payout back, once: the item is RETURNED with the bank's reason code and
 * {@code journalId} moved {@code amount} from the bank's clearing account back to the merchant's payable.
 * Fired in that transaction (the webhook outbox row commits with it).
 */
public record PayoutReturnBooked(
        UUID batchId,
        String bankId,
        UUID merchantId,
        String endToEndId,
        MinorAmount amount,
        String reasonCode,
        UUID journalId,
        Instant returnedAt) {}
