package com.kakehashi.reconciliation.domain;

import com.kakehashi.common.money.MinorAmount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A new break: matching found a difference no earlier run had found (a break seen again, or reopened, is not new).
 * Fired in the transaction that opened it; the webhook feature turns it into {@code reconciliation.break_opened}.
 *
 * @param amount     the statement line's or expected item's amount; null when neither has one
 * @param difference what is off (zero for a line that is unexpected as a whole); null without a currency
 */
public record BreakOpened(
        UUID breakId,
        String bankId,
        String outcome,
        String kind,
        UUID statementId,
        String statementRef,
        Integer entry,
        UUID batchId,
        UUID expectedItemId,
        String endToEndId,
        String bankReference,
        String counterparty,
        MinorAmount amount,
        MinorAmount difference,
        LocalDate valueDate,
        String detail,
        Instant openedAt) {}
