package com.kakehashi.acquiring.infra;

import com.kakehashi.acquiring.domain.AcquiredMerchant;
import com.kakehashi.acquiring.domain.AcquiringPayment;
import com.kakehashi.common.sql.SqlRow;
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

    public void insert(
            UUID paymentId,
            String acquirerId,
            AcquiredMerchant m,
            String codeHash,
            AcquiringPayment.Channel channel,
            Instant now) {
        em.createNativeQuery("""
                insert into acquiring_payment (payment_id, acquirer_id, merchant_reference, merchant_name, mcc, city,
                    country, code_hash, channel, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (payment_id) do nothing""") // a replayed request records the same payment again
                .setParameter(1, paymentId)
                .setParameter(2, acquirerId)
                .setParameter(3, m.reference())
                .setParameter(4, m.name())
                .setParameter(5, m.mcc())
                .setParameter(6, m.city())
                .setParameter(7, m.country())
                .setParameter(8, codeHash)
                .setParameter(9, channel.name())
                .setParameter(10, now)
                .executeUpdate();
    }

    public Optional<AcquiringPayment> find(UUID paymentId) {
        return SqlRow.first(
                SqlRow.query(em, """
                select payment_id, acquirer_id, merchant_reference, merchant_name, mcc, city, country, channel,
                       cancelled_at, created_at from acquiring_payment where payment_id = ?1""", paymentId),
                r -> new AcquiringPayment(
                        r.uuid("payment_id"),
                        r.string("acquirer_id"),
                        new AcquiredMerchant(
                                r.string("merchant_reference"),
                                r.string("merchant_name"),
                                r.string("mcc"),
                                r.string("city"),
                                r.string("country")),
                        r.enumValue("channel", AcquiringPayment.Channel.class),
                        r.instant("cancelled_at"),
                        r.instant("created_at")));
    }

    /** Marks the payment cancelled once; false when it already was (or another cancellation won). */
    public boolean markCancelled(UUID paymentId, Instant now) {
        return em.createNativeQuery(
                                "update acquiring_payment set cancelled_at = ?2 where payment_id = ?1 and cancelled_at is null")
                        .setParameter(1, paymentId)
                        .setParameter(2, now)
                        .executeUpdate()
                == 1;
    }

    public void insertAcquiredQuote(UUID quoteId, String acquirerId, String network, AcquiredMerchant m, Instant now) {
        em.createNativeQuery("""
                insert into acquired_quote (quote_id, acquirer_id, network, merchant_reference, merchant_name, mcc, city,
                    created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, quoteId)
                .setParameter(2, acquirerId)
                .setParameter(3, network)
                .setParameter(4, m.reference())
                .setParameter(5, m.name())
                .setParameter(6, m.mcc())
                .setParameter(7, m.city())
                .setParameter(8, now)
                .executeUpdate();
    }

    /** The acquirer and merchant of a quote for a resolved merchant code (the quote keeps no country). */
    public record AcquiredQuote(String acquirerId, AcquiredMerchant merchant) {}

    /** The acquirer and merchant of a quote for a resolved merchant code, if it was one. */
    public Optional<AcquiredQuote> acquiredQuote(UUID quoteId) {
        return SqlRow.first(
                SqlRow.query(em, """
                select acquirer_id, merchant_reference, merchant_name, mcc, city from acquired_quote where quote_id = ?1""", quoteId),
                r -> new AcquiredQuote(
                        r.string("acquirer_id"),
                        new AcquiredMerchant(
                                r.string("merchant_reference"),
                                r.string("merchant_name"),
                                r.string("mcc"),
                                r.string("city"),
                                null)));
    }
}
