package com.kakehashi.payment.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.security.Caller;
import com.kakehashi.fx.application.FxConfig;
import com.kakehashi.fx.application.Pricing;
import com.kakehashi.fx.domain.RefundRatePolicy;
import com.kakehashi.ledger.application.Ledger;
import com.kakehashi.payment.domain.Payment;
import com.kakehashi.payment.domain.PaymentJournals;
import com.kakehashi.payment.domain.PaymentRefunded;
import com.kakehashi.payment.domain.RefundPolicy;
import com.kakehashi.payment.infra.PaymentRepository;
import com.kakehashi.payment.infra.RefundEntity;
import com.kakehashi.wallet.application.WalletCharges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
    jakarta.enterprise.event.Event<PaymentRefunded> refundedEvents;

    public record Refund(UUID id, UUID paymentId, Money price, Money charge, Money fxDifference, BigDecimal rate,
            RefundRatePolicy ratePolicy, Instant createdAt, Payment payment) {
    }

    @Transactional
    public Refund refund(Caller caller, UUID paymentId, Money requested) {
        Payment payment = repository.payment(paymentId).filter(p -> caller.isMerchant(p.merchantId().toString()))
                .orElseThrow(() -> new BusinessException(ErrorCode.PAYMENT_NOT_FOUND, "No payment " + paymentId));
        RefundPolicy.Accepted accepted = switch (RefundPolicy.decide(payment, requested)) {
            case RefundPolicy.Rejected rejected -> throw new BusinessException(rejected.code(), rejected.detail());
            case RefundPolicy.Accepted ok -> ok;
        };
        Instant now = clock.instant();
        boolean crossCurrency = !payment.price().getCurrency().equals(payment.charge().getCurrency());
        RefundRatePolicy policy = crossCurrency ? fxConfig.refundRatePolicy() : RefundRatePolicy.ORIGINAL_RATE;
        BigDecimal rate = policy == RefundRatePolicy.MARKET_RATE
                ? pricing.customerRate(payment.price().getCurrency(), payment.charge().getCurrency(), now)
                : payment.rate();
        Money returnedConverted = policy == RefundRatePolicy.MARKET_RATE
                ? RefundPolicy.convert(accepted.price(), rate, payment.charge().getCurrency())
                : accepted.convertedAtOriginalRate();
        Money toWallet = returnedConverted.add(accepted.feeReturned());
        Money fxDifference = accepted.convertedAtOriginalRate().subtract(returnedConverted);

        if (!repository.addRefund(paymentId, payment.version(), Amounts.toMinor(accepted.price()),
                Amounts.toMinor(accepted.chargeAtOriginalRate()), accepted.resultingStatus())) {
            throw new BusinessException(ErrorCode.CONCURRENT_MODIFICATION,
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
        ledger.post(PaymentJournals.refund(UUID.randomUUID(), e.id, payment.walletId(), payment.merchantId(),
                accepted.price(), accepted.convertedAtOriginalRate(), returnedConverted, accepted.feeReturned(), now));
        Payment after = new Payment(payment.id(), payment.quoteId(), payment.walletId(), payment.owner(),
                payment.merchantId(), payment.price(), payment.charge(), payment.fee(), payment.rate(),
                payment.refundedPrice().add(accepted.price()),
                payment.refundedCharge().add(accepted.chargeAtOriginalRate()), accepted.resultingStatus(),
                payment.capturedAt(), payment.version() + 1);
        Refund refund = new Refund(e.id, paymentId, accepted.price(), toWallet, fxDifference, rate, policy, now, after);
        refundedEvents.fire(new PaymentRefunded(after, e.id, accepted.price(), toWallet, now)); // same transaction
        return refund;
    }
}
