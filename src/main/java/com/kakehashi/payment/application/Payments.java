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
import com.kakehashi.payment.domain.QuoteSeal;
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
 * Capture: one transaction of one statement charges the wallet at the sealed quote's locked price, makes the
 * merchant owed, and writes the balanced journal. No shared row is touched: only this wallet's row is updated;
 * merchant and house balances are sums of postings.
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
    QuoteTokens tokens;

    @Inject
    jakarta.enterprise.event.Event<PaymentCaptured> capturedEvents;

    public record Page(List<Payment> items, int page, int size, long total) {}

    /**
     * Confirms a sealed quote once per (caller, Idempotency-Key): the token's seal, owner and expiry are checked
     * before the database is touched; then the key's claim, the quote's single use, the charge, the payment, its
     * journal and the key's answer commit in one transaction of one statement. A retry with the key gets the same
     * payment (as captured), even after the quote expired; a rejection rolls the claim back, so a retry decides again.
     */
    public CaptureOutcome capture(Caller caller, String idempotencyKey, String quoteToken) {
        Idempotency.requireValidKey(idempotencyKey);
        Quote quote;
        switch (tokens.open(quoteToken)) {
            case QuoteSeal.Opened.Valid valid -> quote = valid.quote();
            case QuoteSeal.Opened.Invalid invalid -> {
                return new Rejected(
                        ErrorCode.QUOTE_INVALID,
                        "The quote was not issued by this service or was changed: " + invalid.reason()
                                + "; ask for a new quote");
            }
        }
        if (!QuoteSeal.sameOwner(quote.owner(), caller.subject())) {
            return new Rejected(ErrorCode.QUOTE_NOT_FOUND, "No quote " + quote.id()); // another's: not revealed
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it: replays match
                boolean expired = quote.isExpiredAt(now); // a retry of a payment made in time still gets its answer
                CaptureOutcome outcome = expired ? null : captureOnce(caller, idempotencyKey, quote, now);
                if (outcome == null) {
                    outcome = answerForUsedKey(
                            caller, idempotencyKey, quote.id(), expired ? expired(quote) : released(idempotencyKey));
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
     * Claims the key and captures in one statement ({@link PaymentRepository#capture}). Null when the key was
     * already used: the caller answers from its record.
     */
    private CaptureOutcome captureOnce(Caller caller, String key, Quote quote, Instant now) {
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
                Idempotency.fingerprint(OPERATION, quote.id().toString()),
                quote,
                paymentId,
                journal,
                charges.businessDay(now));
        if (!steps.claimed()) {
            return null;
        }
        if (!steps.quoteTaken()) {
            return new Rejected(ErrorCode.QUOTE_ALREADY_USED, "Quote " + quote.id() + " has already been paid");
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
                        quote.id(),
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

    /** An expired quote whose key has no earlier answer. */
    private static Rejected expired(Quote quote) {
        return new Rejected(
                ErrorCode.QUOTE_EXPIRED,
                "Quote " + quote.id() + " expired at " + quote.expiresAt() + "; ask for a new quote");
    }

    /** The key's holder rolled back or was purged between the capture statement and the look-up. */
    private static Rejected released(String key) {
        return new Rejected(
                ErrorCode.CONCURRENT_MODIFICATION,
                "Idempotency-Key '" + key + "' was released while this request waited; retry");
    }

    private CaptureOutcome replayed(String paymentId) {
        return new Captured(
                repository.payment(UUID.fromString(paymentId)).orElseThrow().asCaptured(), true);
    }

    /**
     * The key's record decides: the same request is answered with its payment, another is refused, a key without
     * a record gets {@code unclaimed}.
     */
    private CaptureOutcome answerForUsedKey(Caller caller, String key, UUID quoteId, Rejected unclaimed) {
        return switch (idempotency.claim(caller.subject(), OPERATION, key, quoteId.toString())) {
            case Claim.Replay replay -> replayed(replay.resourceId());
            case Claim.InFlight inFlight -> replayed(inFlight.resourceId());
            case Claim.Mismatch mismatch ->
                new Rejected(
                        ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        Idempotency.reused(mismatch).getMessage());
            case Claim.Fresh fresh -> unclaimed; // its claim rolls back with the rejection
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
