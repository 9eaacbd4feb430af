package com.kakehashi.settlement.application;

import com.kakehashi.settlement.infra.SettledPaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** For features that may only void a payment settlement has not taken yet (acquirer cancellations). */
@ApplicationScoped
public class SettledPayments {
    @Inject
    SettledPaymentRepository repository;

    @Transactional
    public boolean isInBatch(UUID paymentId) {
        return repository.isInBatch(paymentId);
    }
}
