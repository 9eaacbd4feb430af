package com.kakehashi.wallet.application;

import com.kakehashi.common.money.Amounts;
import com.kakehashi.wallet.domain.TopUpStatus;
import com.kakehashi.wallet.infra.TopUpEntity;
import java.time.Instant;
import java.util.UUID;
import org.javamoney.moneta.Money;

/** A top-up as callers see it. */
public record TopUp(
        UUID id,
        UUID walletId,
        Money amount,
        TopUpStatus status,
        String failureReason,
        Instant createdAt,
        Instant updatedAt) {

    static TopUp of(TopUpEntity e) {
        return new TopUp(
                e.id,
                e.walletId,
                Amounts.fromMinor(e.amountMinor, e.currency),
                TopUpStatus.valueOf(e.status),
                e.failureReason,
                e.createdAt,
                e.updatedAt);
    }
}
