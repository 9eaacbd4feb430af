package com.kakehashi.settlement.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a payment went in settlement, oldest first: the batch that first took it, then each batch its merchant's
 * carried-forward item moved to, until one paid it. A hop's outcome is null while its batch is not closed yet.
 */
public record SettlementTrail(UUID paymentId, List<Hop> hops) {
    public record Hop(UUID batchId, MerchantNetting.Outcome outcome) {}

    public SettlementTrail {
        hops = List.copyOf(hops);
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("a trail starts at the batch that first took the payment");
        }
    }

    public UUID firstBatch() {
        return hops.getFirst().batchId();
    }

    /** The batch whose payout included the payment, if one did yet. */
    public Optional<UUID> paidIn() {
        return hops.stream()
                .filter(h -> h.outcome() == MerchantNetting.Outcome.PAYOUT)
                .map(Hop::batchId)
                .findFirst();
    }
}
