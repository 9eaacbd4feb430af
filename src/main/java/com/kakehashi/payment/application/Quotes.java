package com.kakehashi.payment.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.id.TimeOrderedIds;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.security.Caller;
import com.kakehashi.fx.application.Pricing;
import com.kakehashi.fx.domain.FxQuote;
import com.kakehashi.merchant.application.Merchants;
import com.kakehashi.merchant.domain.Merchant;
import com.kakehashi.merchant.domain.MerchantStatus;
import com.kakehashi.payment.domain.Quote;
import com.kakehashi.payment.domain.QuoteCreated;
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

/**
 * Scan -> price: decodes the QR, finds the merchant, prices in yen, checks the wallet could pay, and seals the
 * offer into a token the payment carries back.
 */
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
    QuoteTokens tokens;

    @Inject
    QuoteConfig config;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<QuoteCreated> quoteCreated;

    /** The quote, its merchant (for the answer) and the sealed token a payment carries. */
    public record QuotedPayment(Quote quote, Merchant merchant, String token) {}

    /**
     * Prices the scan and seals the offer; nothing is written (ADR 0015). The transaction only groups the reads
     * (wallet, merchant); it commits no write, so PostgreSQL flushes no WAL for it. A merchant code an acquirer
     * resolved is the exception: acquiring records its merchant reference for the quote's id.
     */
    @Transactional
    public QuotedPayment create(Caller caller, UUID walletId, String qrPayload, Optional<Money> requestedAmount) {
        Wallet wallet = wallets.ownedBy(caller, walletId);
        PaymentTarget target = qrCodes.target(qrPayload);
        Merchant merchant = merchants.byId(target.merchantId());
        if (merchant.status() != MerchantStatus.ACTIVE) {
            throw new BusinessException(ErrorCode.MERCHANT_NOT_ACTIVE, "Merchant " + merchant.id() + " is not active");
        }
        if (!target.currency().equals(merchant.currency())) {
            throw new BusinessException(
                    ErrorCode.QR_CURRENCY_MISMATCH,
                    "The QR names " + target.currency() + " but merchant " + merchant.id() + " prices in "
                            + merchant.currency());
        }
        if (!merchant.country().equals(target.country())) {
            throw new BusinessException(
                    ErrorCode.QR_COUNTRY_MISMATCH,
                    "The QR names country " + target.country() + " but merchant " + merchant.id() + " is in "
                            + merchant.country());
        }
        Instant now = clock.instant();
        FxQuote fx = price(target, requestedAmount, merchant, wallet, now, caller.tier());
        charges.refusal(wallet, fx.charge(), now).ifPresent(code -> {
            throw new BusinessException(
                    code,
                    "The wallet cannot pay " + Amounts.format(fx.charge()) + " "
                            + fx.charge().getCurrency() + ": " + code.title().toLowerCase(java.util.Locale.ROOT));
        });
        Quote quote = new Quote(
                TimeOrderedIds.next(),
                wallet.id(),
                wallet.owner(),
                merchant.id(),
                fx,
                now,
                now.plus(config.timeToLive()));
        quoteCreated.fire(new QuoteCreated(quote.id(), merchant.id())); // acquiring links a resolved code's merchant
        return new QuotedPayment(quote, merchant, tokens.seal(quote));
    }

    /**
     * A dynamic QR's amount wins; a static QR needs the amount the traveller typed, either the merchant's
     * price (in the merchant's currency) or a budget in the wallet's currency that buys as much as it can.
     */
    private FxQuote price(
            PaymentTarget target,
            Optional<Money> requested,
            Merchant merchant,
            Wallet wallet,
            Instant now,
            String tier) {
        Money amount = target.amount()
                .or(() -> requested)
                .orElseThrow(() -> new BusinessException(
                        ErrorCode.QR_AMOUNT_REQUIRED, "This is a static QR: send the amount to pay"));
        if (!amount.isPositive()) {
            throw new BusinessException(ErrorCode.INVALID_AMOUNT, "The amount to pay must be greater than zero");
        }
        if (amount.getCurrency().equals(merchant.currency())) {
            return pricing.priceToCharge(amount, wallet.currency(), now, tier);
        }
        if (amount.getCurrency().equals(wallet.currency())) {
            return pricing.budgetToPrice(amount, merchant.currency(), now, tier);
        }
        throw new BusinessException(
                ErrorCode.CURRENCY_MISMATCH,
                "Merchant " + merchant.id() + " prices in " + merchant.currency() + " and the wallet pays in "
                        + wallet.currency() + ", not " + amount.getCurrency());
    }
}
