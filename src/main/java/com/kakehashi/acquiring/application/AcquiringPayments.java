package com.kakehashi.acquiring.application;

import com.kakehashi.acquiring.domain.AcquiredMerchant;
import com.kakehashi.acquiring.domain.Acquirer;
import com.kakehashi.acquiring.domain.AcquiringPayment;
import com.kakehashi.acquiring.domain.PaymentCodeState;
import com.kakehashi.acquiring.infra.AcquiringPaymentRepository;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.idempotency.application.Idempotency;
import com.kakehashi.merchant.application.Merchants;
import com.kakehashi.merchant.domain.Merchant;
import com.kakehashi.payment.application.Payments;
import com.kakehashi.payment.application.Quotes;
import com.kakehashi.payment.application.Refunds;
import com.kakehashi.payment.domain.CaptureOutcome;
import com.kakehashi.payment.domain.Payment;
import com.kakehashi.qr.application.MerchantQrCodes;
import com.kakehashi.settlement.application.SettledPayments;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.javamoney.moneta.Money;

/**
 * Payments an acquirer presents for a user-presented code. Three short steps, each its own transaction, because the
 * payment feature's capture owns its transaction: (1) use the code for this request and make the quote (the
 * payee's dynamic code for the amount, priced as the code's owner, whose code is the authorisation); (2) capture it
 * with a key derived from the code, so a retry replays instead of charging again; (3) record the acquirer and
 * merchant. A refused capture gives the code back; a retry with the same Idempotency-Key resumes where it stopped.
 */
@ApplicationScoped
public class AcquiringPayments {
    @Inject
    PaymentCodes codes;

    @Inject
    Acquirers acquirers;

    @Inject
    Merchants merchants;

    @Inject
    MerchantQrCodes qrCodes;

    @Inject
    Quotes quotes;

    @Inject
    Payments payments;

    @Inject
    Refunds refunds;

    @Inject
    SettledPayments settled;

    @Inject
    AcquiringPaymentRepository repository;

    @Inject
    AcquiringNotifications notifications;

    @Inject
    Clock clock;

    /** A payment as the acquirer sees it. */
    public record AcquiredPayment(Payment payment, AcquiringPayment acquiring) {
        public String status() {
            return acquiring.isCancelled() ? "CANCELLED" : payment.status().name();
        }
    }

    /** A charge's answer: the payment, and whether it replays an earlier request with the same key. */
    public record Paid(AcquiredPayment payment, boolean replayed) {}

    private record Used(PaymentCodeState code, String quoteToken) {}

    public Paid pay(Caller caller, String idempotencyKey, String paymentCode, Money amount, AcquiredMerchant merchant) {
        Idempotency.requireValidKey(idempotencyKey);
        Acquirer acquirer = acquirers.byId(caller.subject());
        String request = acquirer.id() + " " + idempotencyKey;
        Used used = QuarkusTransaction.requiringNew().call(() -> useAndQuote(acquirer, request, paymentCode, amount));
        Caller codeOwner = new Caller(used.code().owner(), Set.of(Roles.TRAVELLER));
        CaptureOutcome outcome =
                payments.capture(codeOwner, "acq-" + codes.hashOf(paymentCode).substring(0, 40), used.quoteToken());
        Payment payment = switch (outcome) {
            case CaptureOutcome.Captured captured -> captured.payment();
            case CaptureOutcome.Rejected rejected -> {
                codes.release(paymentCode);
                throw new BusinessException(rejected.code(), rejected.detail());
            }
        };
        QuarkusTransaction.requiringNew()
                .run(() -> repository.insert(
                        payment.id(),
                        acquirer.id(),
                        merchant,
                        codes.hashOf(paymentCode),
                        AcquiringPayment.Channel.USER_PRESENTED,
                        clock.instant()));
        boolean replayed = outcome instanceof CaptureOutcome.Captured captured && captured.replayed();
        return new Paid(visibleTo(caller, payment.id()), replayed);
    }

    private Used useAndQuote(Acquirer acquirer, String request, String paymentCode, Money amount) {
        PaymentCodeState code = codes.use(paymentCode, request);
        if (code.quoteToken() != null) {
            return new Used(code, code.quoteToken()); // this request used it before: resume
        }
        Merchant payee = merchants.byId(acquirer.payeeMerchantId());
        String payload =
                qrCodes.payloadFor(com.kakehashi.merchant.application.PrintedOnQr.of(payee), Optional.of(amount));
        Caller codeOwner = new Caller(code.owner(), Set.of(Roles.TRAVELLER));
        Quotes.QuotedPayment quoted = quotes.create(codeOwner, code.walletId(), payload, Optional.empty());
        codes.attachQuote(paymentCode, quoted.quote().id(), quoted.token());
        return new Used(code, quoted.token());
    }

    /** The payment, if the caller is the acquirer that took it or an operator. */
    @Transactional
    public AcquiredPayment visibleTo(Caller caller, UUID paymentId) {
        AcquiredPayment found = find(paymentId)
                .orElseThrow(() -> new BusinessException(ErrorCode.PAYMENT_NOT_FOUND, "No payment " + paymentId));
        boolean own =
                caller.is(Roles.ACQUIRER) && found.acquiring().acquirerId().equals(caller.subject());
        if (!own && !caller.isOperator()) {
            throw new BusinessException(ErrorCode.PAYMENT_NOT_FOUND, "No payment " + paymentId);
        }
        return found;
    }

    /**
     * A till's payment has its acquiring row; a payment the traveller made by scanning a resolved merchant code is
     * recognised by its quote, which carries the acquirer and merchant reference.
     */
    private Optional<AcquiredPayment> find(UUID paymentId) {
        Payment payment;
        try {
            payment = payments.visibleTo(operatorView(), paymentId);
        } catch (BusinessException notFound) {
            return Optional.empty();
        }
        Optional<AcquiringPayment> row = repository.find(paymentId);
        if (row.isPresent()) {
            return Optional.of(new AcquiredPayment(payment, row.get()));
        }
        return repository
                .acquiredQuote(payment.quoteId())
                .map(q -> new AcquiredPayment(
                        payment,
                        new AcquiringPayment(
                                payment.id(),
                                q.acquirerId(),
                                q.merchant(),
                                AcquiringPayment.Channel.MERCHANT_PRESENTED,
                                null,
                                payment.capturedAt())));
    }

    /**
     * Voids a payment no settlement batch has taken: the cancellation is recorded (with its notification), then the
     * whole remaining price goes back to the wallet by the refund service at the payment's rate, a journal reversing
     * the capture's postings. The refund's key is derived from the payment, so a retried cancellation completes a
     * refund that did not happen and never makes a second one.
     */
    public AcquiredPayment cancel(Caller caller, UUID paymentId) {
        AcquiredPayment current = QuarkusTransaction.requiringNew().call(() -> markCancelled(caller, paymentId));
        if (current.payment().refundablePrice().isPositive()) {
            Caller payee = new Caller(current.payment().merchantId().toString(), Set.of(Roles.MERCHANT));
            if (refunds.refund(
                            payee,
                            "cancel-" + paymentId,
                            paymentId,
                            current.payment().refundablePrice())
                    instanceof Refunds.RefundOutcome.Rejected rejected) {
                throw new BusinessException(rejected.code(), rejected.detail() + "; retry the cancellation");
            }
        }
        return visibleTo(caller, paymentId);
    }

    private AcquiredPayment markCancelled(Caller caller, UUID paymentId) {
        AcquiredPayment current = visibleTo(caller, paymentId);
        if (current.acquiring().isCancelled()) {
            if (current.payment().refundablePrice().isPositive()) {
                return current; // cancelled, but its refund did not complete: finish it
            }
            throw new BusinessException(ErrorCode.PAYMENT_ALREADY_CANCELLED, "Payment " + paymentId + " was cancelled");
        }
        if (settled.isInBatch(paymentId)) {
            throw new BusinessException(
                    ErrorCode.PAYMENT_ALREADY_SETTLED,
                    "Payment " + paymentId + " is in a settlement batch; refund it instead");
        }
        if (repository.find(paymentId).isEmpty()) {
            repository.insert(
                    paymentId,
                    current.acquiring().acquirerId(),
                    current.acquiring().merchant(),
                    null,
                    AcquiringPayment.Channel.MERCHANT_PRESENTED,
                    clock.instant());
        }
        if (!repository.markCancelled(paymentId, clock.instant())) {
            throw new BusinessException(ErrorCode.PAYMENT_ALREADY_CANCELLED, "Payment " + paymentId + " was cancelled");
        }
        AcquiredPayment cancelled = visibleTo(caller, paymentId);
        notifications.cancelled(cancelled);
        return cancelled;
    }

    /** A refund as a merchant would make it, on behalf of the acquirer's merchant, idempotent by the acquirer's key. */
    public Refunds.Refund refund(Caller caller, String idempotencyKey, UUID paymentId, Money amount) {
        AcquiredPayment current = visibleTo(caller, paymentId);
        if (current.acquiring().isCancelled()) {
            throw new BusinessException(ErrorCode.PAYMENT_ALREADY_CANCELLED, "Payment " + paymentId + " was cancelled");
        }
        Caller payee = new Caller(current.payment().merchantId().toString(), Set.of(Roles.MERCHANT));
        return switch (refunds.refund(payee, caller.subject() + ":" + idempotencyKey, paymentId, amount)) {
            case Refunds.RefundOutcome.Refunded refunded -> refunded.refund();
            case Refunds.RefundOutcome.Rejected rejected ->
                throw new BusinessException(rejected.code(), rejected.detail());
        };
    }

    private static Caller operatorView() {
        return new Caller("acquiring", Set.of(Roles.OPERATOR));
    }
}
