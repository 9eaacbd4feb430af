package com.kakehashi.payment.infra;

import com.kakehashi.common.money.Amounts;
import com.kakehashi.fx.domain.FxQuote;
import com.kakehashi.payment.domain.Payment;
import com.kakehashi.payment.domain.PaymentStatus;
import com.kakehashi.payment.domain.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Quotes, payments and refunds in PostgreSQL. */
@ApplicationScoped
public class PaymentRepository {
    @Inject
    EntityManager em;

    public void persist(Object entity) {
        em.persist(entity);
    }

    public Optional<Quote> quote(UUID id) {
        return Optional.ofNullable(em.find(QuoteEntity.class, id)).map(PaymentRepository::toDomain);
    }

    /** Marks the quote used; false when another confirmation used it first. */
    public boolean markQuoteUsed(UUID quoteId, Instant at) {
        return em.createNativeQuery("update quote set used_at = ?2 where id = ?1 and used_at is null")
                .setParameter(1, quoteId).setParameter(2, at).executeUpdate() == 1;
    }

    public Optional<Payment> payment(UUID id) {
        return Optional.ofNullable(em.find(PaymentEntity.class, id)).map(PaymentRepository::toDomain);
    }

    /** Adds a refund to the payment if nobody changed it since {@code expectedVersion}. */
    public boolean addRefund(UUID paymentId, long expectedVersion, long priceMinor, long chargeMinor, PaymentStatus status) {
        return em.createNativeQuery("""
                update payment set refunded_price_minor = refunded_price_minor + ?3,
                    refunded_charge_minor = refunded_charge_minor + ?4, status = ?5, version = version + 1
                where id = ?1 and version = ?2""")
                .setParameter(1, paymentId).setParameter(2, expectedVersion).setParameter(3, priceMinor)
                .setParameter(4, chargeMinor).setParameter(5, status.name())
                .executeUpdate() == 1;
    }

    public List<Payment> forMerchant(UUID merchantId, int offset, int limit) {
        return em.createQuery("from PaymentEntity where merchantId = :m order by capturedAt desc, id desc",
                PaymentEntity.class).setParameter("m", merchantId).setFirstResult(offset).setMaxResults(limit)
                .getResultList().stream().map(PaymentRepository::toDomain).toList();
    }

    public long countForMerchant(UUID merchantId) {
        return em.createQuery("select count(p) from PaymentEntity p where p.merchantId = :m", Long.class)
                .setParameter("m", merchantId).getSingleResult();
    }

    static Quote toDomain(QuoteEntity e) {
        FxQuote pricing = new FxQuote(Amounts.fromMinor(e.priceMinor, e.priceCurrency),
                Amounts.fromMinor(e.chargeMinor, e.chargeCurrency), e.midRate, e.rate, e.spreadBps,
                Amounts.fromMinor(e.feeMinor, e.chargeCurrency), e.rateSource, e.rateTime, e.ratePath);
        return new Quote(e.id, e.walletId, e.owner, e.merchantId, pricing, e.expiresAt, e.usedAt, e.createdAt);
    }

    static Payment toDomain(PaymentEntity e) {
        return new Payment(e.id, e.quoteId, e.walletId, e.owner, e.merchantId,
                Amounts.fromMinor(e.priceMinor, e.priceCurrency), Amounts.fromMinor(e.chargeMinor, e.chargeCurrency),
                Amounts.fromMinor(e.feeMinor, e.chargeCurrency), e.rate, Amounts.fromMinor(e.refundedPriceMinor, e.priceCurrency),
                Amounts.fromMinor(e.refundedChargeMinor, e.chargeCurrency), PaymentStatus.valueOf(e.status),
                e.capturedAt, e.version);
    }
}
