package com.kakehashi.reconciliation.domain;

import com.kakehashi.common.money.MinorAmount;
import java.util.UUID;

/**
 * A payout came back: the beneficiary's bank returned it (camt RtrInf) with an ISO 20022 reason code
 * (e.g. AC04 closed account). Fired in the reconciliation run's transaction; settlement observes it to
 * mark the payout RETURNED and move the money back to the merchant's payable by journal.
 */
public record PayoutReturned(String bankId, UUID batchId, String endToEndId, MinorAmount amount, String reasonCode,
        UUID statementId, int entry) {
}
