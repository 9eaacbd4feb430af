package com.kakehashi.settlement.domain;

import com.kakehashi.common.money.MinorAmount;
import java.util.UUID;

/**
 * A payout came back: the beneficiary's bank returned it (camt RtrInf) with an ISO 20022 reason code
 * (e.g. AC04 closed account). Reconciliation fires it in its own transaction after matching a statement;
 * settlement observes it ({@code PayoutReturns}) to mark the payout RETURNED and move the money back to the
 * merchant's payable by journal. It lives in settlement's domain, like {@link BatchReconciled}, so that
 * reconciliation depends on settlement and never the other way round. It may come more than once (a corrected
 * statement says it again): its observers are idempotent.
 */
public record PayoutReturned(
        String bankId,
        UUID batchId,
        String endToEndId,
        MinorAmount amount,
        String reasonCode,
        UUID statementId,
        int entry) {}
