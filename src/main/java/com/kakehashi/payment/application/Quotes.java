package com.kakehashi.payment.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.security.Caller;
import com.kakehashi.fx.application.Pricing;
import com.kakehashi.fx.domain.FxQuote;
import com.kakehashi.merchant.application.Merchants;
import com.kakehashi.merchant.domain.Merchant;
import com.kakehashi.merchant.domain.MerchantStatus;
import com.kakehashi.payment.domain.Quote;
import com.kakehashi.payment.infra.PaymentRepository;
import com.kakehashi.payment.infra.QuoteEntity;
import com.kakehashi.qr.application.MerchantQrCodes;
import com.kakehashi.qr.application.PaymentTarget;
import com.kakehashi.wallet.application.WalletCharges;
import com.kakehashi.wallet.application.Wallets;
import com.kakehashi.wallet.domain.Wallet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.javamoney.moneta.Money;

/** Scan -> price: decodes the QR, finds the merchant, prices in yen and checks the wallet could pay. */
@ApplicationScoped
public class Quotes {
    @Inject
    MerchantQrCodes qrCodes;
    @Inject
    Merchants merchants;
    @Inject
    Wallets wallets;
    @Inject
    WalletCharges charges;
    @Inject
    Pricing pricing;
    @Inject
    PaymentRepository repository;
    @Inject
    QuoteConfig config;
    @Inject
    Clock clock;

    public record QuotedPayment(Quote quote, Merchant merchant) {
    }

    @Transactional
    public QuotedPayment create(Caller caller, UUID walletId, String qrPayload, Optional<Money> requestedAmount) {
        Wallet wallet = wallets.ownedBy(caller, walletId);
        PaymentTarget target = qrCodes.target(qrPayload);
        Merchant merchant = merchants.byId(target.merchantId());
        if (merchant.status() != MerchantStatus.ACTIVE) {
            throw new BusinessException(ErrorCode.MERCHANT_NOT_ACTIVE, "Merchant " + merchant.id() + " is not active");
        }
        if (!target.currency().equals(merchant.currency())) {
            throw new BusinessException(ErrorCode.QR_CURRENCY_MISMATCH, "The QR names " + target.currency()
                    + " but merchant " + merchant.id() + " prices in " + merchant.currency());
        }
        Money price = priceOf(target, requestedAmount, merchant);
        FxQuote fx = pricing.price(price, wallet.currency());
        Instant now = clock.instant();
        charges.refusal(wallet, fx.charge(), now).ifPresent(code -> {
            throw new BusinessException(code, "The wallet cannot pay " + Amounts.format(fx.charge()) + " "
                    + fx.charge().getCurrency() + ": " + code.title().toLowerCase(java.util.Locale.ROOT));
        });
        QuoteEntity e = new QuoteEntity();
        e.id = UUID.randomUUID();
        e.walletId = wallet.id();
        e.owner = wallet.owner();
        e.merchantId = merchant.id();
        e.priceMinor = Amounts.toMinor(fx.price());
        e.priceCurrency = fx.price().getCurrency().getCurrencyCode();
        e.chargeMinor = Amounts.toMinor(fx.charge());
        e.chargeCurrency = fx.charge().getCurrency().getCurrencyCode();
        e.rate = fx.rate();
        e.spread = fx.spread();
        e.rateSource = fx.source();
        e.createdAt = now;
        e.expiresAt = now.plus(config.timeToLive());
        repository.persist(e);
        return new QuotedPayment(repository.quote(e.id).orElseThrow(), merchant);
    }

    /** A dynamic QR's amount wins; a static QR needs the amount the traveller typed. */
    private static Money priceOf(PaymentTarget target, Optional<Money> requested, Merchant merchant) {
        Money price = target.amount().or(() -> requested).orElseThrow(() -> new BusinessException(
                ErrorCode.QR_AMOUNT_REQUIRED, "This is a static QR: send the amount to pay"));
        if (!price.getCurrency().equals(merchant.currency())) {
            throw new BusinessException(ErrorCode.CURRENCY_MISMATCH,
                    "Merchant " + merchant.id() + " prices in " + merchant.currency() + ", not " + price.getCurrency());
        }
        if (!price.isPositive()) {
            throw new BusinessException(ErrorCode.INVALID_AMOUNT, "The amount to pay must be greater than zero");
        }
        return price;
    }
}
