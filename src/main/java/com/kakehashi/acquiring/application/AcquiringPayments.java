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
import com.kakehashi.merchant.application.Merchants;
import com.kakehashi.merchant.domain.Merchant;
import com.kakehashi.payment.application.Payments;
import com.kakehashi.payment.application.Quotes;
import com.kakehashi.payment.application.Refunds;
import com.kakehashi.payment.domain.Payment;
import com.kakehashi.qr.application.MerchantQrCodes;
import com.kakehashi.settlement.application.SettledPayments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.javamoney.moneta.Money;

/**
 * Payments an acquirer presents for a user-presented code, in one transaction: the code is used once, the
 * payment is priced and captured by the payment feature's own services (as the code's owner, whose code is
 * the authorisation), to the acquirer's payee, and recorded with the merchant the acquirer names.
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

    @Transactional
    public AcquiredPayment pay(Caller caller, String paymentCode, Money amount, AcquiredMerchant merchant) {
        Acquirer acquirer = acquirers.byId(caller.subject());
        PaymentCodeState code = codes.use(paymentCode);
        Merchant payee = merchants.byId(acquirer.payeeMerchantId());
        // The payee's own dynamic code carries the amount into the ordinary quote and capture path.
        String payload = qrCodes.payloadFor(payee, Optional.of(amount));
        Caller codeOwner = new Caller(code.owner(), Set.of(Roles.TRAVELLER));
        Quotes.QuotedPayment quoted = quotes.create(codeOwner, code.walletId(), payload, Optional.empty());
        Payment payment = payments.capture(codeOwner, quoted.quote().id());
        repository.insert(payment.id(), acquirer.id(), merchant, codes.hashOf(paymentCode),
                AcquiringPayment.Channel.USER_PRESENTED, clock.instant());
        return new AcquiredPayment(payment, repository.find(payment.id()).orElseThrow());
    }

    /** The payment, if the caller is the acquirer that took it or an operator. */
    @Transactional
    public AcquiredPayment visibleTo(Caller caller, UUID paymentId) {
        AcquiredPayment found = find(paymentId)
                .orElseThrow(() -> new BusinessException(ErrorCode.PAYMENT_NOT_FOUND, "No payment " + paymentId));
        boolean own = caller.is(Roles.ACQUIRER) && found.acquiring().acquirerId().equals(caller.subject());
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
        Optional<AcquiringPayment> row = repository.find(paymentId);
        Payment payment;
        try {
            payment = payments.visibleTo(operatorView(), paymentId);
        } catch (BusinessException notFound) {
            return Optional.empty();
        }
        if (row.isPresent()) {
            return Optional.of(new AcquiredPayment(payment, row.get()));
        }
        return repository.acquiredQuote(payment.quoteId()).map(q -> new AcquiredPayment(payment, new AcquiringPayment(
                payment.id(), (String) q[0], new AcquiredMerchant((String) q[1], (String) q[2], (String) q[3],
                        (String) q[4], null), AcquiringPayment.Channel.MERCHANT_PRESENTED, null, payment.capturedAt())));
    }

    /**
     * Voids a payment no settlement batch has taken: the whole remaining price goes back to the wallet by a refund
     * journal that reverses the capture's postings (at the payment's own rate), and the payment is marked cancelled.
     */
    @Transactional
    public AcquiredPayment cancel(Caller caller, UUID paymentId) {
        AcquiredPayment current = visibleTo(caller, paymentId);
        if (current.acquiring().isCancelled()) {
            throw new BusinessException(ErrorCode.PAYMENT_ALREADY_CANCELLED, "Payment " + paymentId + " was cancelled");
        }
        if (settled.isInBatch(paymentId)) {
            throw new BusinessException(ErrorCode.PAYMENT_ALREADY_SETTLED,
                    "Payment " + paymentId + " is in a settlement batch; refund it instead");
        }
        if (current.acquiring().channel() == AcquiringPayment.Channel.MERCHANT_PRESENTED
                && repository.find(paymentId).isEmpty()) {
            repository.insert(paymentId, current.acquiring().acquirerId(), current.acquiring().merchant(), null,
                    AcquiringPayment.Channel.MERCHANT_PRESENTED, clock.instant());
        }
        if (!repository.markCancelled(paymentId, clock.instant())) {
            throw new BusinessException(ErrorCode.PAYMENT_ALREADY_CANCELLED, "Payment " + paymentId + " was cancelled");
        }
        Payment payment = current.payment();
        if (payment.refundablePrice().isPositive()) {
            payment = refunds.refund(payeeOf(current), paymentId, payment.refundablePrice()).payment();
        }
        AcquiredPayment result = new AcquiredPayment(payment, repository.find(paymentId).orElseThrow());
        notifications.cancelled(result);
        return result;
    }

    /** A refund as a merchant would make it, on behalf of the acquirer's merchant. */
    @Transactional
    public Refunds.Refund refund(Caller caller, UUID paymentId, Money amount) {
        AcquiredPayment current = visibleTo(caller, paymentId);
        if (current.acquiring().isCancelled()) {
            throw new BusinessException(ErrorCode.PAYMENT_ALREADY_CANCELLED, "Payment " + paymentId + " was cancelled");
        }
        return refunds.refund(payeeOf(current), paymentId, amount);
    }

    private Caller payeeOf(AcquiredPayment p) {
        return new Caller(p.payment().merchantId().toString(), Set.of(Roles.MERCHANT));
    }

    private static Caller operatorView() {
        return new Caller("acquiring", Set.of(Roles.OPERATOR));
    }
}
