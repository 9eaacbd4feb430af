package com.kakehashi.acquiring.infra;

import com.kakehashi.acquiring.domain.AcquiredMerchant;
import com.kakehashi.acquiring.domain.AcquiringPayment;
import com.kakehashi.common.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Acquiring payments and acquired quotes. */
@ApplicationScoped
public class AcquiringPaymentRepository {
    @Inject
    EntityManager em;

    public void insert(UUID paymentId, String acquirerId, AcquiredMerchant m, String codeHash,
            AcquiringPayment.Channel channel, Instant now) {
        em.createNativeQuery("""
                insert into acquiring_payment (payment_id, acquirer_id, merchant_reference, merchant_name, mcc, city,
                    country, code_hash, channel, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (payment_id) do nothing""") // a replayed request records the same payment again
                .setParameter(1, paymentId).setParameter(2, acquirerId).setParameter(3, m.reference())
                .setParameter(4, m.name()).setParameter(5, m.mcc()).setParameter(6, m.city())
                .setParameter(7, m.country()).setParameter(8, codeHash).setParameter(9, channel.name())
                .setParameter(10, now).executeUpdate();
    }

    @SuppressWarnings("unchecked") // a native query's rows are untyped; each is cast where it is read
    public Optional<AcquiringPayment> find(UUID paymentId) {
        return em.createNativeQuery("""
                select payment_id, acquirer_id, merchant_reference, merchant_name, mcc, city, country, channel,
                       cancelled_at, created_at from acquiring_payment where payment_id = ?1""", Object[].class)
                .setParameter(1, paymentId).getResultList().stream().findFirst().map(row -> {
                    Object[] r = (Object[]) row;
                    return new AcquiringPayment((UUID) r[0], (String) r[1],
                            new AcquiredMerchant((String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6]),
                            AcquiringPayment.Channel.valueOf((String) r[7]),
                            r[8] == null ? null : SqlValues.instant(r[8]), SqlValues.instant(r[9]));
                });
    }

    /** Marks the payment cancelled once; false when it already was (or another cancellation won). */
    public boolean markCancelled(UUID paymentId, Instant now) {
        return em.createNativeQuery("update acquiring_payment set cancelled_at = ?2 where payment_id = ?1 and cancelled_at is null")
                .setParameter(1, paymentId).setParameter(2, now).executeUpdate() == 1;
    }

    public void insertAcquiredQuote(UUID quoteId, String acquirerId, String network, AcquiredMerchant m, Instant now) {
        em.createNativeQuery("""
                insert into acquired_quote (quote_id, acquirer_id, network, merchant_reference, merchant_name, mcc, city,
                    created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, quoteId).setParameter(2, acquirerId).setParameter(3, network)
                .setParameter(4, m.reference()).setParameter(5, m.name()).setParameter(6, m.mcc())
                .setParameter(7, m.city()).setParameter(8, now).executeUpdate();
    }

    /** The acquirer and merchant of a quote for a resolved merchant code, if it was one. */
    @SuppressWarnings("unchecked") // a native query's rows are untyped; each is cast where it is read
    public Optional<Object[]> acquiredQuote(UUID quoteId) {
        return em.createNativeQuery("""
                select acquirer_id, merchant_reference, merchant_name, mcc, city from acquired_quote where quote_id = ?1""",
                Object[].class).setParameter(1, quoteId).getResultList().stream().findFirst().map(r -> (Object[]) r);
    }
}
