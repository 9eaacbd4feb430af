package com.kakehashi.reconciliation.domain;

import com.kakehashi.common.money.MinorAmount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A break and what an operator needs to chase it with the bank. */
public record BreakRecord(
        UUID id,
        String bankId,
        String outcome,
        String kind,
        UUID expectedItemId,
        UUID statementId,
        String statementRef,
        Integer seq,
        Integer entry,
        UUID batchId,
        String endToEndId,
        String bankReference,
        String counterparty,
        MinorAmount amount,
        MinorAmount difference,
        String currency,
        LocalDate valueDate,
        String status,
        String assignee,
        String reasonCode,
        String comment,
        String detail,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
