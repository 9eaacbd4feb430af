package com.kakehashi.settlement.application;

import com.kakehashi.settlement.domain.SettlementTrail;
import com.kakehashi.settlement.infra.SettledPaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** For features that may only void a payment settlement has not taken yet (acquirer cancellations), and for history. */
@ApplicationScoped
public class SettledPayments {
    @Inject
    SettledPaymentRepository repository;

    @Transactional
    public boolean isInBatch(UUID paymentId) {
        return repository.isInBatch(paymentId);
    }

    /** The batch that first took the payment and each batch it was carried to, until one paid it. */
    @Transactional
    public Optional<SettlementTrail> trail(UUID paymentId) {
        return repository.trail(paymentId);
    }
}
