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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Payments and refunds in PostgreSQL (quotes are sealed tokens, ADR 0015). */
@ApplicationScoped
public class PaymentRepository {
    @Inject
    EntityManager em;

    public void persist(Object entity) {
        em.persist(entity);
    }

    /** What the capture statement did, step by step (each step runs only if the one before did). */
    public record CaptureSteps(boolean claimed, boolean quoteTaken, boolean charged, int postings) {}

    /**
     * The whole capture in one statement, one round trip (issue 14): the Idempotency-Key's claim with its answer
     * (the payment's id), the payment row whose unique quote id is the sealed quote's single use (a second
     * payment of the quote does nothing; a concurrent one waits for the first's commit, then does nothing), the
     * wallet charge under its limits ({@code charge_wallet}, V9_2), the journal and its postings. Data-modifying
     * CTEs each run only when the step before took effect; the caller rolls back whatever a refused step left.
     * The journal is built and checked in Java ({@code JournalEntry}) and again by the database's deferred
     * balance trigger at commit. One statement crosses three features' tables on purpose: it is the hot path.
     */
    public CaptureSteps capture(
            String caller,
            String operation,
            String idempotencyKey,
            String requestHash,
            Quote quote,
            UUID paymentId,
            JournalEntry journal,
            LocalDate today) {
        FxQuote pricing = quote.pricing();
        var query = em.createNativeQuery("""
                with claim as (
                    insert into idempotency_record (caller, operation, idem_key, request_hash, resource_id,
                        response_status, created_at)
                    values (?1, ?2, ?3, ?4, ?5, 201, ?6) on conflict do nothing returning 1),
                p as (
                    insert into payment (id, quote_id, wallet_id, owner, merchant_id, price_minor, price_currency,
                        charge_minor, charge_currency, rate, refunded_price_minor, refunded_charge_minor, status,
                        captured_at, version, fee_minor)
                    select cast(?5 as uuid), ?7, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, 0, 0, 'CAPTURED', ?6, 0, ?23
                    where exists (select 1 from claim)
                    on conflict (quote_id) do nothing returning wallet_id, charge_minor),
                w as (select charge_wallet(p.wallet_id, p.charge_minor, ?8) as ok from p),
                j as (
                    insert into journal_entry (id, type, reference, created_at)
                    select ?9, ?10, ?11, ?6 from w where w.ok returning id),
                ps as (
                    insert into posting (id, journal_id, account_id, currency, amount_minor, created_at)
                    select uuid_v7(), j.id, l.account, l.currency, l.amount, ?6
                    from j, unnest(cast(string_to_array(?12, ',') as uuid[]), string_to_array(?13, ','),
                        cast(string_to_array(?14, ',') as bigint[])) as l(account, currency, amount)
                    returning 1)
                select (select count(*) from claim) claimed, (select count(*) from p) quote_used,
                    coalesce((select bool_or(ok) from w), false) charged, (select count(*) from ps) postings""", jakarta.persistence.Tuple.class);
        jakarta.persistence.Tuple row = (jakarta.persistence.Tuple) query.setParameter(1, caller)
                .setParameter(2, operation)
                .setParameter(3, idempotencyKey)
                .setParameter(4, requestHash)
                .setParameter(5, paymentId.toString())
                .setParameter(6, journal.createdAt())
                .setParameter(7, quote.id())
                .setParameter(8, today)
                .setParameter(9, journal.id())
                .setParameter(10, journal.type().name())
                .setParameter(11, journal.reference())
                .setParameter(12, join(journal.postings(), p -> p.accountId().toString()))
                .setParameter(
                        13,
                        join(journal.postings(), p -> p.amount().getCurrency().getCurrencyCode()))
                .setParameter(14, join(journal.postings(), p -> Long.toString(Amounts.toMinor(p.amount()))))
                .setParameter(15, quote.walletId())
                .setParameter(16, quote.owner())
                .setParameter(17, quote.merchantId())
                .setParameter(18, Amounts.toMinor(pricing.price()))
                .setParameter(19, pricing.price().getCurrency().getCurrencyCode())
                .setParameter(20, Amounts.toMinor(pricing.charge()))
                .setParameter(21, pricing.charge().getCurrency().getCurrencyCode())
                .setParameter(22, pricing.customerRate())
                .setParameter(23, Amounts.toMinor(pricing.fee()))
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
