package com.kakehashi.payment.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.security.Caller;
import com.kakehashi.ledger.application.Ledger;
import com.kakehashi.payment.domain.Payment;
import com.kakehashi.payment.domain.PaymentJournals;
import com.kakehashi.payment.domain.RefundPolicy;
import com.kakehashi.payment.infra.PaymentRepository;
import com.kakehashi.payment.infra.RefundEntity;
import com.kakehashi.wallet.application.WalletCharges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.javamoney.moneta.Money;

/** A merchant gives money back: the payment's refundable amount shrinks, the wallet is credited. */
@ApplicationScoped
public class Refunds {
    @Inject
    PaymentRepository repository;
    @Inject
    WalletCharges charges;
    @Inject
    Ledger ledger;
    @Inject
    Clock clock;

    public record Refund(UUID id, UUID paymentId, Money price, Money charge, Instant createdAt, Payment payment) {
    }

    @Transactional
    public Refund refund(Caller caller, UUID paymentId, Money requested) {
        Payment payment = repository.payment(paymentId).filter(p -> caller.isMerchant(p.merchantId().toString()))
                .orElseThrow(() -> new BusinessException(ErrorCode.PAYMENT_NOT_FOUND, "No payment " + paymentId));
        RefundPolicy.Accepted accepted = switch (RefundPolicy.decide(payment, requested)) {
            case RefundPolicy.Rejected rejected -> throw new BusinessException(rejected.code(), rejected.detail());
            case RefundPolicy.Accepted ok -> ok;
        };
        if (!repository.addRefund(paymentId, payment.version(), Amounts.toMinor(accepted.price()),
                Amounts.toMinor(accepted.charge()), accepted.resultingStatus())) {
            throw new BusinessException(ErrorCode.CONCURRENT_MODIFICATION,
                    "Payment " + paymentId + " changed while refunding; retry with the same Idempotency-Key");
        }
        Instant now = clock.instant();
        RefundEntity e = new RefundEntity();
        e.id = UUID.randomUUID();
        e.paymentId = paymentId;
        e.priceMinor = Amounts.toMinor(accepted.price());
        e.priceCurrency = accepted.price().getCurrency().getCurrencyCode();
        e.chargeMinor = Amounts.toMinor(accepted.charge());
        e.chargeCurrency = accepted.charge().getCurrency().getCurrencyCode();
        e.createdAt = now;
        repository.persist(e);
        if (!accepted.charge().isZero()) {
            charges.credit(payment.walletId(), accepted.charge());
        }
        ledger.post(PaymentJournals.refund(UUID.randomUUID(), e.id, payment.walletId(), payment.merchantId(),
                accepted.charge(), accepted.price(), now));
        return new Refund(e.id, paymentId, accepted.price(), accepted.charge(), now,
                new Payment(payment.id(), payment.quoteId(), payment.walletId(), payment.owner(), payment.merchantId(),
                        payment.price(), payment.charge(), payment.rate(), payment.refundedPrice().add(accepted.price()),
                        payment.refundedCharge().add(accepted.charge()), accepted.resultingStatus(),
                        payment.capturedAt(), payment.version() + 1));
    }
}
