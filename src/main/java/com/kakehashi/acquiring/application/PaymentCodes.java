package com.kakehashi.acquiring.application;

import com.kakehashi.acquiring.domain.PaymentCodeFormat;
import com.kakehashi.acquiring.domain.PaymentCodeState;
import com.kakehashi.acquiring.infra.BarcodeRenderer;
import com.kakehashi.acquiring.infra.PaymentCodeRepository;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.security.Caller;
import com.kakehashi.qr.application.MerchantQrCodes;
import com.kakehashi.wallet.application.Wallets;
import com.kakehashi.wallet.domain.Wallet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Issues the one-time codes a till scans, and draws them. */
@ApplicationScoped
public class PaymentCodes {
    /** Two random codes colliding is a 1 in 10^16 event; a few draws always suffice. */
    private static final int MAX_DRAWS = 5;

    private final SecureRandom random = new SecureRandom();

    @Inject
    PaymentCodeRepository repository;

    @Inject
    PaymentCodeHasher hasher;

    @Inject
    Wallets wallets;

    @Inject
    MerchantQrCodes qrCodes;

    @Inject
    BarcodeRenderer barcodes;

    @Inject
    AcquiringConfig config;

    @Inject
    Clock clock;

    public record IssuedCode(String code, UUID walletId, Instant expiresAt) {}

    public enum ImageFormat {
        QR,
        CODE128
    }

    /** A new code for the caller's wallet; older live codes beyond the per-wallet maximum are retired. */
    @Transactional
    public IssuedCode issue(Caller caller, UUID walletId) {
        Wallet wallet = wallets.ownedBy(caller, walletId);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.paymentCodeTimeToLive());
        repository.lockWallet(wallet.id());
        repository.retireAllButNewest(wallet.id(), config.maxLiveCodesPerWallet() - 1, now);
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            String code = PaymentCodeFormat.generate(random);
            if (repository.insert(hasher.hash(code), wallet.id(), wallet.owner(), now, expiresAt)) {
                return new IssuedCode(code, wallet.id(), expiresAt);
            }
        }
        throw new IllegalStateException("No free payment code after " + MAX_DRAWS + " draws");
    }

    /** The code drawn as a PNG, for the owner of its wallet while it is live. */
    @Transactional
    public byte[] image(Caller caller, UUID walletId, String code, ImageFormat format) {
        Wallet wallet = wallets.ownedBy(caller, walletId);
        PaymentCodeState state = liveState(code);
        if (!state.walletId().equals(wallet.id())) {
            throw new BusinessException(ErrorCode.PAYMENT_CODE_UNKNOWN, "No such payment code for this wallet");
        }
        return format == ImageFormat.QR ? qrCodes.image(code) : barcodes.code128(code);
    }

    /** The stored state of a well-formed, issued, unused, unexpired code, or the reason it does not pay. */
    PaymentCodeState liveState(String code) {
        PaymentCodeState state = stateOf(code);
        switch (state.verdictAt(clock.instant())) {
            case USED -> throw new BusinessException(ErrorCode.PAYMENT_CODE_USED, "The payment code has already paid");
            case EXPIRED ->
                throw new BusinessException(
                        ErrorCode.PAYMENT_CODE_EXPIRED,
                        "The payment code expired at " + state.expiresAt() + "; ask the customer to show a new one");
            case PAYABLE -> {
                return state;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * Uses the code once for {@code request} (acquirer and Idempotency-Key), inside the caller's transaction:
     * afterwards no other request can pay with it. The same request finds it used by itself and may resume.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PaymentCodeState use(String code, String request) {
        if (repository.markUsed(hasher.hash(code), request, clock.instant())) {
            return stateOf(code);
        }
        PaymentCodeState now = stateOf(code);
        if (now.usedBy(request)) {
            return now;
        }
        liveState(code); // throws the reason: another request used it first, or it expired
        throw new BusinessException(ErrorCode.PAYMENT_CODE_USED, "The payment code has already paid");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void attachQuote(String code, UUID quoteId, String quoteToken) {
        repository.attachQuote(hasher.hash(code), quoteId, quoteToken);
    }

    /** The payment the code was used for was refused: the code pays again, as if never used. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String code) {
        repository.release(hasher.hash(code));
    }

    public String hashOf(String code) {
        return hasher.hash(code);
    }

    private PaymentCodeState stateOf(String code) {
        if (!PaymentCodeFormat.isWellFormed(code)) {
            throw new BusinessException(
                    ErrorCode.PAYMENT_CODE_UNKNOWN,
                    "A payment code is 18 digits starting with " + PaymentCodeFormat.LEADING_DIGIT
                            + " with a valid check digit");
        }
        return repository
                .find(hasher.hash(code))
                .orElseThrow(() -> new BusinessException(ErrorCode.PAYMENT_CODE_UNKNOWN, "No such payment code"));
    }
}
