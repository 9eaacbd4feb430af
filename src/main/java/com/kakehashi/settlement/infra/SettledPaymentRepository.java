package com.kakehashi.settlement.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** Whether a payment has been taken into a settlement batch. */
@ApplicationScoped
public class SettledPaymentRepository {
    @Inject
    EntityManager em;

    public boolean isInBatch(UUID paymentId) {
        return !em.createNativeQuery("select 1 from settlement_payment where payment_id = ?1")
                .setParameter(1, paymentId).getResultList().isEmpty();
    }
}
