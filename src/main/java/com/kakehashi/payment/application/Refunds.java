package com.kakehashi.payment.application;

import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.security.Caller;
import com.kakehashi.fx.application.FxConfig;
import com.kakehashi.fx.application.Pricing;
import com.kakehashi.fx.domain.RefundRatePolicy;
import com.kakehashi.idempotency.application.Claim;
import com.kakehashi.idempotency.application.Idempotency;
import com.kakehashi.ledger.application.Ledger;
import com.kakehashi.payment.domain.Payment;
import com.kakehashi.payment.domain.PaymentJournals;
import com.kakehashi.payment.domain.PaymentRefunded;
import com.kakehashi.payment.domain.RefundPolicy;
import com.kakehashi.payment.infra.PaymentRepository;
import com.kakehashi.payment.infra.RefundEntity;
import com.kakehashi.wallet.application.WalletCharges;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.javamoney.moneta.Money;

/**
 * A merchant gives money back: the payment's refundable amount shrinks, the wallet is credited. For a
 * cross-currency payment the configured {@link RefundRatePolicy} decides the rate; the difference to the
 * payment's locked rate, if any, is booked to FX gain/loss.
 */
@ApplicationScoped
public class Refunds {
    @Inject
    PaymentRepository repository;

    @Inject
    WalletCharges charges;

    @Inject
    Ledger ledger;

    @Inject
    Pricing pricing;

    @Inject
    FxConfig fxConfig;

    @Inject
    Clock clock;

    @Inject
    Idempotency idempotency;

    @Inject
    jakarta.enterprise.event.Event<PaymentRefunded> refundedEvents;

    public record Refund(
            UUID id,
            UUID paymentId,
            Money price,
            Money charge,
            Money fxDifference,
            BigDecimal rate,
            RefundRatePolicy ratePolicy,
            Instant createdAt,
            Payment payment) {}

    /** What a refund request decided: the refund (new, or replayed for a retried key), or why not. */
    public sealed interface RefundOutcome {
        record Refunded(Refund refund, boolean replayed) implements RefundOutcome {}

        record Rejected(ErrorCode code, String detail) implements RefundOutcome {}
    }

    /**
     * Refunds once per (merchant, payment, Idempotency-Key), in one transaction with the key's claim and
     * answer. A replay answers the same refund (with the payment as it is now); a rejection, including a
     * stale write when another refund changed the payment meanwhile, rolls the claim back.
     */
    public RefundOutcome refund(Caller caller, String idempotencyKey, UUID paymentId, Money requested) {
        Idempotency.requireValidKey(idempotencyKey);
        String operation = "refund:" + paymentId;
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Claim claim = idempotency.claim(
                        caller.subject(),
                        operation,
                        idempotencyKey,
                        Amounts.format(requested) + " "
                                + requested.getCurrency().getCurrencyCode());
                RefundOutcome outcome = switch (claim) {
                    case Claim.Fresh fresh -> refundOnce(caller, paymentId, requested);
                    case Claim.Replay replay -> replayed(UUID.fromString(replay.resourceId()));
                    case Claim.InFlight inFlight -> replayed(UUID.fromString(inFlight.resourceId()));
                    case Claim.Mismatch mismatch ->
                        new RefundOutcome.Rejected(
                                ErrorCode.IDEMPOTENCY_KEY_REUSED,
                                Idempotency.reused(mismatch).getMessage());
                };
                switch (outcome) {
                    case RefundOutcome.Refunded refunded
                    when !refunded.replayed() ->
                        idempotency.completeWithResource(
                                caller.subject(),
                                operation,
                                idempotencyKey,
                                201,
                                refunded.refund().id().toString());
                    case RefundOutcome.Refunded refunded -> {}
                    case RefundOutcome.Rejected rejected -> throw new RolledBack(rejected);
                }
                return outcome;
            });
        } catch (RolledBack rolledBack) {
            return rolledBack.rejected;
        }
    }

    /** Carries a rejection out of its transaction so the transaction rolls back; cheap (no stack trace). */
    private static final class RolledBack extends RuntimeException {
        private final transient RefundOutcome.Rejected rejected;

        RolledBack(RefundOutcome.Rejected rejected) {
            super(rejected.code().code(), null, false, false);
            this.rejected = rejected;
        }
    }

    private RefundOutcome refundOnce(Caller caller, UUID paymentId, Money requested) {
        Payment payment = repository
                .payment(paymentId)
                .filter(p -> caller.isMerchant(p.merchantId().toString()))
                .orElse(null);
        if (payment == null) {
            return new RefundOutcome.Rejected(ErrorCode.PAYMENT_NOT_FOUND, "No payment " + paymentId);
        }
        return switch (RefundPolicy.decide(payment, requested)) {
            case RefundPolicy.Rejected rejected -> new RefundOutcome.Rejected(rejected.code(), rejected.detail());
            case RefundPolicy.Accepted accepted -> apply(payment, accepted);
        };
    }

    private RefundOutcome apply(Payment payment, RefundPolicy.Accepted accepted) {
        UUID paymentId = payment.id();
        Instant now = clock.instant();
        boolean crossCurrency =
                !payment.price().getCurrency().equals(payment.charge().getCurrency());
        RefundRatePolicy policy = crossCurrency ? fxConfig.refundRatePolicy() : RefundRatePolicy.ORIGINAL_RATE;
        BigDecimal rate = policy == RefundRatePolicy.MARKET_RATE
                ? pricing.customerRate(
                        payment.price().getCurrency(), payment.charge().getCurrency(), now)
                : payment.rate();
        Money returnedConverted = policy == RefundRatePolicy.MARKET_RATE
                ? RefundPolicy.convert(accepted.price(), rate, payment.charge().getCurrency())
                : accepted.convertedAtOriginalRate();
        Money toWallet = returnedConverted.add(accepted.feeReturned());
        Money fxDifference = accepted.convertedAtOriginalRate().subtract(returnedConverted);

        if (!repository.addRefund(
                paymentId,
                payment.version(),
                Amounts.toMinor(accepted.price()),
                Amounts.toMinor(accepted.chargeAtOriginalRate()),
                accepted.resultingStatus())) {
            return new RefundOutcome.Rejected(
                    ErrorCode.CONCURRENT_MODIFICATION,
                    "Payment " + paymentId + " changed while refunding; retry with the same Idempotency-Key");
        }
        RefundEntity e = new RefundEntity();
        e.id = UUID.randomUUID();
        e.paymentId = paymentId;
        e.priceMinor = Amounts.toMinor(accepted.price());
        e.priceCurrency = accepted.price().getCurrency().getCurrencyCode();
        e.chargeMinor = Amounts.toMinor(toWallet);
        e.chargeCurrency = toWallet.getCurrency().getCurrencyCode();
        e.rate = rate;
        e.ratePolicy = policy.name();
        e.fxDifferenceMinor = Amounts.toMinor(fxDifference);
        e.feeReturnedMinor = Amounts.toMinor(accepted.feeReturned());
        e.createdAt = now;
        repository.persist(e);
        if (!toWallet.isZero()) {
            charges.credit(payment.walletId(), toWallet);
        }
        ledger.post(PaymentJournals.refund(
                UUID.randomUUID(),
                e.id,
                payment.walletId(),
                payment.merchantId(),
                accepted.price(),
                accepted.convertedAtOriginalRate(),
                returnedConverted,
                accepted.feeReturned(),
                now));
        Payment after = new Payment(
                payment.id(),
                payment.quoteId(),
                payment.walletId(),
                payment.owner(),
                payment.merchantId(),
                payment.price(),
                payment.charge(),
                payment.fee(),
                payment.rate(),
                payment.refundedPrice().add(accepted.price()),
                payment.refundedCharge().add(accepted.chargeAtOriginalRate()),
                accepted.resultingStatus(),
                payment.capturedAt(),
                payment.version() + 1);
        refundedEvents.fire(new PaymentRefunded(after, e.id, accepted.price(), toWallet, now)); // same transaction
        return new RefundOutcome.Refunded(
                new Refund(e.id, paymentId, accepted.price(), toWallet, fxDifference, rate, policy, now, after), false);
    }

    private RefundOutcome replayed(UUID refundId) {
        RefundEntity e = repository.refund(refundId).orElseThrow();
        Payment payment = repository.payment(e.paymentId).orElseThrow();
        Money price = Amounts.fromMinor(e.priceMinor, e.priceCurrency);
        return new RefundOutcome.Refunded(
                new Refund(
                        e.id,
                        e.paymentId,
                        price,
                        Amounts.fromMinor(e.chargeMinor, e.chargeCurrency),
                        Amounts.fromMinor(e.fxDifferenceMinor, e.chargeCurrency),
                        e.rate,
                        RefundRatePolicy.valueOf(e.ratePolicy),
                        e.createdAt,
                        payment),
                true);
    }
}
