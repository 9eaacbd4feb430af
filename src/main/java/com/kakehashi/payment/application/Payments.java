package com.kakehashi.payment.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.security.Caller;
import com.kakehashi.ledger.application.Ledger;
import com.kakehashi.merchant.application.Merchants;
import com.kakehashi.payment.domain.Payment;
import com.kakehashi.payment.domain.PaymentJournals;
import com.kakehashi.payment.domain.PaymentStatus;
import com.kakehashi.payment.domain.Quote;
import com.kakehashi.payment.infra.PaymentEntity;
import com.kakehashi.payment.infra.PaymentRepository;
import com.kakehashi.wallet.application.WalletCharges;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Capture: one transaction charges the wallet at the quote's locked price, makes the merchant
 * owed, and writes the balanced journal. No shared row is touched: only this wallet's row and
 * this quote's row are updated; merchant and house balances are sums of postings.
 */
@ApplicationScoped
public class Payments {
    @Inject
    PaymentRepository repository;
    @Inject
    WalletCharges charges;
    @Inject
    Ledger ledger;
    @Inject
    Merchants merchants;
    @Inject
    MeterRegistry meters;
    @Inject
    Clock clock;

    public record Page(List<Payment> items, int page, int size, long total) {
    }

    @Transactional
    public Payment capture(Caller caller, UUID quoteId) {
        Instant now = clock.instant();
        Quote quote = repository.quote(quoteId).filter(q -> q.owner().equals(caller.subject()))
                .orElseThrow(() -> new BusinessException(ErrorCode.QUOTE_NOT_FOUND, "No quote " + quoteId));
        if (quote.isExpiredAt(now)) {
            throw new BusinessException(ErrorCode.QUOTE_EXPIRED, "Quote " + quoteId + " expired at "
                    + quote.expiresAt() + "; ask for a new quote");
        }
        if (!repository.markQuoteUsed(quoteId, now)) {
            throw new BusinessException(ErrorCode.QUOTE_ALREADY_USED, "Quote " + quoteId + " has already been paid");
        }
        charges.charge(quote.walletId(), quote.pricing().charge(), now);
        PaymentEntity payment = newPayment(quote, now);
        repository.persist(payment);
        ledger.post(PaymentJournals.capture(UUID.randomUUID(), payment.id, quote.walletId(), quote.merchantId(),
                quote.pricing().charge(), quote.pricing().fee(), quote.pricing().price(), now));
        meters.counter("kakehashi.payments.captured", "currency", payment.priceCurrency).increment();
        meters.summary("kakehashi.payments.charge.amount", "currency", payment.chargeCurrency)
                .record(payment.chargeMinor);
        return repository.payment(payment.id).orElseThrow();
    }

    /** The payment, if the caller paid it, is its merchant, or is an operator. */
    @Transactional
    public Payment visibleTo(Caller caller, UUID paymentId) {
        return repository.payment(paymentId)
                .filter(p -> caller.isTraveller(p.owner()) || caller.isMerchant(p.merchantId().toString())
                        || caller.isOperator())
                .orElseThrow(() -> new BusinessException(ErrorCode.PAYMENT_NOT_FOUND, "No payment " + paymentId));
    }

    @Transactional
    public Page forMerchant(Caller caller, UUID merchantId, int page, int size) {
        merchants.visibleTo(caller, merchantId);
        return new Page(repository.forMerchant(merchantId, page * size, size), page, size,
                repository.countForMerchant(merchantId));
    }

    private static PaymentEntity newPayment(Quote quote, Instant now) {
        PaymentEntity e = new PaymentEntity();
        e.id = UUID.randomUUID();
        e.quoteId = quote.id();
        e.walletId = quote.walletId();
        e.owner = quote.owner();
        e.merchantId = quote.merchantId();
        e.priceMinor = Amounts.toMinor(quote.pricing().price());
        e.priceCurrency = quote.pricing().price().getCurrency().getCurrencyCode();
        e.chargeMinor = Amounts.toMinor(quote.pricing().charge());
        e.chargeCurrency = quote.pricing().charge().getCurrency().getCurrencyCode();
        e.rate = quote.pricing().customerRate();
        e.feeMinor = Amounts.toMinor(quote.pricing().fee());
        e.status = PaymentStatus.CAPTURED.name();
        e.capturedAt = now;
        return e;
    }
}
