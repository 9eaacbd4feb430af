package com.kakehashi.payment.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.id.TimeOrderedIds;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.security.Caller;
import com.kakehashi.fx.domain.FxQuote;
import com.kakehashi.idempotency.application.Claim;
import com.kakehashi.idempotency.application.Idempotency;
import com.kakehashi.ledger.domain.JournalEntry;
import com.kakehashi.merchant.application.Merchants;
import com.kakehashi.payment.domain.CaptureOutcome;
import com.kakehashi.payment.domain.CaptureOutcome.Captured;
import com.kakehashi.payment.domain.CaptureOutcome.Rejected;
import com.kakehashi.payment.domain.Payment;
import com.kakehashi.payment.domain.PaymentCaptured;
import com.kakehashi.payment.domain.PaymentJournals;
import com.kakehashi.payment.domain.PaymentStatus;
import com.kakehashi.payment.domain.Quote;
import com.kakehashi.payment.infra.PaymentRepository;
import com.kakehashi.payment.infra.PaymentRepository.CaptureSteps;
import com.kakehashi.wallet.application.WalletCharges;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Capture: one transaction charges the wallet at the quote's locked price, makes the merchant
 * owed, and writes the balanced journal. No shared row is touched: only this wallet's row and
 * this quote's row are updated; merchant and house balances are sums of postings.
 */
@ApplicationScoped
public class Payments {
    static final String OPERATION = "payment";

    @Inject
    PaymentRepository repository;

    @Inject
    WalletCharges charges;

    @Inject
    Merchants merchants;

    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    @Inject
    Idempotency idempotency;

    @Inject
    jakarta.enterprise.event.Event<PaymentCaptured> capturedEvents;

    public record Page(List<Payment> items, int page, int size, long total) {}

    /**
     * Confirms a quote once per (caller, Idempotency-Key): the key's claim, the charge, the payment,
     * its journal and the key's answer commit in one transaction. A retry with the key gets the same
     * payment (as captured); a rejection rolls the claim back, so a retry decides again.
     */
    public CaptureOutcome capture(Caller caller, String idempotencyKey, UUID quoteId) {
        Idempotency.requireValidKey(idempotencyKey);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                CaptureOutcome outcome = captureOnce(caller, idempotencyKey, quoteId);
                if (outcome == null) {
                    outcome = answerForUsedKey(caller, idempotencyKey, quoteId);
                }
                if (outcome instanceof Rejected rejected) {
                    throw new RolledBack(rejected); // leaves the transaction, which rolls back what it wrote
                }
                return outcome;
            });
        } catch (RolledBack rolledBack) {
            return rolledBack.rejected;
        }
    }

    /** Carries a rejection out of its transaction so the transaction rolls back; cheap (no stack trace). */
    private static final class RolledBack extends RuntimeException {
        private final transient Rejected rejected;

        RolledBack(Rejected rejected) {
            super(rejected.code().code(), null, false, false);
            this.rejected = rejected;
        }
    }

    /**
     * Reads the quote (one statement), then claims the key and captures in one more ({@link
     * PaymentRepository#capture}). Null when the key was already used: the caller answers from its record.
     */
    private CaptureOutcome captureOnce(Caller caller, String key, UUID quoteId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it: replays match
        Quote quote = repository
                .quote(quoteId)
                .filter(q -> q.owner().equals(caller.subject()))
                .orElse(null);
        if (quote == null) {
            return new Rejected(ErrorCode.QUOTE_NOT_FOUND, "No quote " + quoteId);
        }
        FxQuote pricing = quote.pricing();
        UUID paymentId = TimeOrderedIds.next();
        JournalEntry journal = PaymentJournals.capture(
                TimeOrderedIds.next(),
                paymentId,
                quote.walletId(),
                quote.merchantId(),
                pricing.charge(),
                pricing.fee(),
                pricing.price(),
                now);
        CaptureSteps steps = repository.capture(
                caller.subject(),
                OPERATION,
                key,
                Idempotency.fingerprint(OPERATION, quoteId.toString()),
                quoteId,
                paymentId,
                journal,
                charges.businessDay(now));
        if (!steps.claimed()) {
            return null;
        }
        if (!steps.quoteTaken()) {
            return quote.isExpiredAt(now)
                    ? new Rejected(
                            ErrorCode.QUOTE_EXPIRED,
                            "Quote " + quoteId + " expired at " + quote.expiresAt() + "; ask for a new quote")
                    : new Rejected(ErrorCode.QUOTE_ALREADY_USED, "Quote " + quoteId + " has already been paid");
        }
        if (!steps.charged()) {
            ErrorCode reason = charges.whyRefused(quote.walletId(), pricing.charge(), now);
            return new Rejected(
                    reason,
                    "Charging " + Amounts.format(pricing.charge()) + " "
                            + pricing.charge().getCurrency() + " to wallet " + quote.walletId() + " was refused: "
                            + reason.title().toLowerCase(Locale.ROOT));
        }
        meters.counter(
                        "kakehashi.payments.captured",
                        "currency",
                        pricing.price().getCurrency().getCurrencyCode())
                .increment();
        meters.summary(
                        "kakehashi.payments.charge.amount",
                        "currency",
                        pricing.charge().getCurrency().getCurrencyCode())
                .record(Amounts.toMinor(pricing.charge()));
        Payment captured = new Payment(
                        paymentId,
                        quoteId,
                        quote.walletId(),
                        quote.owner(),
                        quote.merchantId(),
                        pricing.price(),
                        pricing.charge(),
                        pricing.fee(),
                        pricing.customerRate(),
                        null,
                        null,
                        PaymentStatus.CAPTURED,
                        now,
                        0)
                .asCaptured();
        capturedEvents.fire(new PaymentCaptured(captured)); // observers (webhook outbox) write in this transaction
        return new Captured(captured, false);
    }

    private CaptureOutcome replayed(String paymentId) {
        return new Captured(
                repository.payment(UUID.fromString(paymentId)).orElseThrow().asCaptured(), true);
    }

    /** The key's record decides: the same request is answered with its payment, another is refused. */
    private CaptureOutcome answerForUsedKey(Caller caller, String key, UUID quoteId) {
        return switch (idempotency.claim(caller.subject(), OPERATION, key, quoteId.toString())) {
            case Claim.Replay replay -> replayed(replay.resourceId());
            case Claim.InFlight inFlight -> replayed(inFlight.resourceId());
            case Claim.Mismatch mismatch ->
                new Rejected(
                        ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        Idempotency.reused(mismatch).getMessage());
            case Claim.Fresh fresh ->
                new Rejected(
                        ErrorCode.CONCURRENT_MODIFICATION,
                        "Idempotency-Key '" + key + "' was released while this request waited; retry");
        };
    }

    /** The payment, if the caller paid it, is its merchant, or is an operator. */
    @Transactional
    public Payment visibleTo(Caller caller, UUID paymentId) {
        return repository
                .payment(paymentId)
                .filter(p -> caller.isTraveller(p.owner())
                        || caller.isMerchant(p.merchantId().toString())
                        || caller.isOperator())
                .orElseThrow(() -> new BusinessException(ErrorCode.PAYMENT_NOT_FOUND, "No payment " + paymentId));
    }

    @Transactional
    public Page forMerchant(Caller caller, UUID merchantId, int page, int size) {
        merchants.visibleTo(caller, merchantId);
        return new Page(
                repository.forMerchant(merchantId, page * size, size),
                page,
                size,
                repository.countForMerchant(merchantId));
    }
}
