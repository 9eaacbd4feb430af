package com.kakehashi.payment.infra;

import com.kakehashi.common.money.Amounts;
import com.kakehashi.fx.domain.FxQuote;
import com.kakehashi.ledger.domain.JournalEntry;
import com.kakehashi.ledger.domain.Posting;
import com.kakehashi.payment.domain.Payment;
import com.kakehashi.payment.domain.PaymentStatus;
import com.kakehashi.payment.domain.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
                        .setParameter(1, quoteId)
                        .setParameter(2, at)
                        .executeUpdate()
                == 1;
    }

    /** What the capture statement did, step by step (each step runs only if the one before did). */
    public record CaptureSteps(boolean claimed, boolean quoteTaken, boolean charged, int postings) {}

    /**
     * The whole capture in one statement, one round trip (issue 14): the Idempotency-Key's claim with its
     * answer (the payment's id), the quote's single use (unused and unexpired), the wallet charge under
     * its limits ({@code charge_wallet}, V9_2), the payment, its journal and postings. Data-modifying CTEs
     * each run only when the step before took effect; the caller rolls back whatever a refused step left.
     * The journal is built and checked in Java ({@code JournalEntry}) and again by the database's deferred
     * balance trigger at commit. One statement crosses three features' tables on purpose: it is the hot path.
     */
    public CaptureSteps capture(
            String caller,
            String operation,
            String idempotencyKey,
            String requestHash,
            UUID quoteId,
            UUID paymentId,
            JournalEntry journal,
            LocalDate today) {
        var query = em.createNativeQuery("""
                with claim as (
                    insert into idempotency_record (caller, operation, idem_key, request_hash, resource_id,
                        response_status, created_at)
                    values (?1, ?2, ?3, ?4, ?5, 201, ?6) on conflict do nothing returning 1),
                q as (
                    update quote set used_at = ?6
                    where id = ?7 and used_at is null and expires_at > ?6 and exists (select 1 from claim)
                    returning id, wallet_id, owner, merchant_id, price_minor, price_currency, charge_minor,
                        charge_currency, rate, fee_minor),
                w as (select charge_wallet(q.wallet_id, q.charge_minor, ?8) as ok from q),
                p as (
                    insert into payment (id, quote_id, wallet_id, owner, merchant_id, price_minor, price_currency,
                        charge_minor, charge_currency, rate, refunded_price_minor, refunded_charge_minor, status,
                        captured_at, version, fee_minor)
                    select cast(?5 as uuid), q.id, q.wallet_id, q.owner, q.merchant_id, q.price_minor,
                        q.price_currency, q.charge_minor, q.charge_currency, q.rate, 0, 0, 'CAPTURED', ?6, 0,
                        q.fee_minor
                    from q, w where w.ok returning id),
                j as (
                    insert into journal_entry (id, type, reference, created_at)
                    select ?9, ?10, ?11, ?6 from p returning id),
                ps as (
                    insert into posting (id, journal_id, account_id, currency, amount_minor, created_at)
                    select uuid_v7(), j.id, l.account, l.currency, l.amount, ?6
                    from j, unnest(cast(string_to_array(?12, ',') as uuid[]), string_to_array(?13, ','),
                        cast(string_to_array(?14, ',') as bigint[])) as l(account, currency, amount)
                    returning 1)
                select (select count(*) from claim) claimed, (select count(*) from q) quote_used,
                    coalesce((select bool_or(ok) from w), false) charged, (select count(*) from ps) postings""", jakarta.persistence.Tuple.class);
        jakarta.persistence.Tuple row = (jakarta.persistence.Tuple) query.setParameter(1, caller)
                .setParameter(2, operation)
                .setParameter(3, idempotencyKey)
                .setParameter(4, requestHash)
                .setParameter(5, paymentId.toString())
                .setParameter(6, journal.createdAt())
                .setParameter(7, quoteId)
                .setParameter(8, today)
                .setParameter(9, journal.id())
                .setParameter(10, journal.type().name())
                .setParameter(11, journal.reference())
                .setParameter(12, join(journal.postings(), p -> p.accountId().toString()))
                .setParameter(
                        13,
                        join(journal.postings(), p -> p.amount().getCurrency().getCurrencyCode()))
                .setParameter(14, join(journal.postings(), p -> Long.toString(Amounts.toMinor(p.amount()))))
                .getSingleResult();
        return new CaptureSteps(
                ((Number) row.get("claimed")).intValue() == 1,
                ((Number) row.get("quote_used")).intValue() == 1,
                (Boolean) row.get("charged"),
                ((Number) row.get("postings")).intValue());
    }

    private static String join(List<Posting> postings, Function<Posting, String> field) {
        return postings.stream().map(field).collect(Collectors.joining(","));
    }

    public Optional<Payment> payment(UUID id) {
        return Optional.ofNullable(em.find(PaymentEntity.class, id)).map(PaymentRepository::toDomain);
    }

    public Optional<RefundEntity> refund(UUID id) {
        return Optional.ofNullable(em.find(RefundEntity.class, id));
    }

    /** Adds a refund to the payment if nobody changed it since {@code expectedVersion}. */
    public boolean addRefund(
            UUID paymentId, long expectedVersion, long priceMinor, long chargeMinor, PaymentStatus status) {
        return em.createNativeQuery("""
                update payment set refunded_price_minor = refunded_price_minor + ?3,
                    refunded_charge_minor = refunded_charge_minor + ?4, status = ?5, version = version + 1
                where id = ?1 and version = ?2""")
                        .setParameter(1, paymentId)
                        .setParameter(2, expectedVersion)
                        .setParameter(3, priceMinor)
                        .setParameter(4, chargeMinor)
                        .setParameter(5, status.name())
                        .executeUpdate()
                == 1;
    }

    public List<Payment> forMerchant(UUID merchantId, int offset, int limit) {
        return em
                .createQuery(
                        "from PaymentEntity where merchantId = :m order by capturedAt desc, id desc",
                        PaymentEntity.class)
                .setParameter("m", merchantId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(PaymentRepository::toDomain)
                .toList();
    }

    public long countForMerchant(UUID merchantId) {
        return em.createQuery("select count(p) from PaymentEntity p where p.merchantId = :m", Long.class)
                .setParameter("m", merchantId)
                .getSingleResult();
    }

    static Quote toDomain(QuoteEntity e) {
        FxQuote pricing = new FxQuote(
                Amounts.fromMinor(e.priceMinor, e.priceCurrency),
                Amounts.fromMinor(e.chargeMinor, e.chargeCurrency),
                e.midRate,
                e.rate,
                e.spreadBps,
                Amounts.fromMinor(e.feeMinor, e.chargeCurrency),
                e.rateSource,
                e.rateTime,
                e.ratePath);
        return new Quote(e.id, e.walletId, e.owner, e.merchantId, pricing, e.expiresAt, e.usedAt, e.createdAt);
    }

    static Payment toDomain(PaymentEntity e) {
        return new Payment(
                e.id,
                e.quoteId,
                e.walletId,
                e.owner,
                e.merchantId,
                Amounts.fromMinor(e.priceMinor, e.priceCurrency),
                Amounts.fromMinor(e.chargeMinor, e.chargeCurrency),
                Amounts.fromMinor(e.feeMinor, e.chargeCurrency),
                e.rate,
                Amounts.fromMinor(e.refundedPriceMinor, e.priceCurrency),
                Amounts.fromMinor(e.refundedChargeMinor, e.chargeCurrency),
                PaymentStatus.valueOf(e.status),
                e.capturedAt,
                e.version);
    }
}
