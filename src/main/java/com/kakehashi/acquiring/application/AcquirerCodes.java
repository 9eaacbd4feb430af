package com.kakehashi.acquiring.application;

import com.kakehashi.acquiring.domain.AcquiredMerchant;
import com.kakehashi.acquiring.domain.Acquirer;
import com.kakehashi.acquiring.domain.Resolution;
import com.kakehashi.acquiring.infra.AcquirerResolveClient;
import com.kakehashi.acquiring.infra.AcquirerResolveClient.ResolveAnswer;
import com.kakehashi.acquiring.infra.AcquiringPaymentRepository;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.money.Currencies;
import com.kakehashi.payment.domain.QuoteCreated;
import com.kakehashi.qr.application.ExternalMerchantCodes;
import com.kakehashi.qr.application.PaymentTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.javamoney.moneta.Money;

/**
 * China's merchant codes: the acquirer whose code patterns recognise a scanned code resolves it into its merchant;
 * the quote prices the acquirer's payee and is linked to the acquirer and the merchant reference.
 */
@ApplicationScoped
public class AcquirerCodes implements ExternalMerchantCodes {
    @Inject
    Acquirers acquirers;

    @Inject
    AcquirerResolveClient client;

    @Inject
    AcquiringPaymentRepository repository;

    @Inject
    PendingResolution pending;

    @Inject
    Clock clock;

    @Override
    public Optional<String> network(String payload) {
        return acquirers.recognise(payload).map(Acquirers.Recognised::network);
    }

    @Override
    public PaymentTarget resolve(String payload) {
        Acquirers.Recognised recognised = acquirers
                .recognise(payload)
                .orElseThrow(
                        () -> new BusinessException(ErrorCode.QR_MERCHANT_UNKNOWN, "No acquirer recognises this code"));
        Acquirer acquirer = recognised.acquirer();
        String url = acquirer.resolveUrl()
                .orElseThrow(() -> new BusinessException(
                        ErrorCode.QR_NOT_PAYABLE,
                        "Acquirer " + acquirer.id() + " recognises this " + recognised.network()
                                + " code but resolves none"));
        Resolution resolution = switch (client.resolve(acquirer.id(), url, payload)) {
            case AcquirerResolveClient.Resolved r -> toResolution(recognised.network(), r.answer(), acquirer);
            case AcquirerResolveClient.Unknown u ->
                throw new BusinessException(
                        ErrorCode.QR_CODE_UNRESOLVED,
                        "Acquirer " + acquirer.id() + " does not know this " + recognised.network() + " code");
            case AcquirerResolveClient.Unavailable u ->
                throw new BusinessException(
                        ErrorCode.ACQUIRER_UNAVAILABLE, "Acquirer " + acquirer.id() + " did not answer: " + u.reason());
        };
        pending.hold(acquirer.id(), resolution);
        return new PaymentTarget(
                acquirer.payeeMerchantId(),
                acquirer.country(),
                Currencies.supported(resolution.currency()),
                resolution.amount());
    }

    /** Links the quote just made for a resolved code to its acquirer and merchant, in the quote's transaction. */
    void onQuoteCreated(@Observes QuoteCreated event) {
        pending.resolution().ifPresent(resolution -> {
            repository.insertAcquiredQuote(
                    event.quoteId(),
                    pending.acquirerId(),
                    resolution.network(),
                    resolution.merchant(),
                    clock.instant());
            pending.clear();
        });
    }

    private static Resolution toResolution(String network, ResolveAnswer answer, Acquirer acquirer) {
        if (answer == null
                || answer.merchantReference() == null
                || answer.name() == null
                || answer.currency() == null) {
            throw new BusinessException(
                    ErrorCode.ACQUIRER_UNAVAILABLE,
                    "Acquirer " + acquirer.id() + " answered without merchant reference, name or currency");
        }
        if (!answer.currency().equals(acquirer.currency())) {
            throw new BusinessException(
                    ErrorCode.QR_CURRENCY_MISMATCH,
                    "The code is priced in " + answer.currency() + " but acquirer " + acquirer.id() + " settles in "
                            + acquirer.currency());
        }
        Optional<Money> amount = Optional.ofNullable(answer.amount())
                .map(a -> Amounts.exact(new BigDecimal(a), Currencies.supported(answer.currency())));
        return new Resolution(
                network,
                new AcquiredMerchant(
                        answer.merchantReference(), answer.name(), answer.mcc(), answer.city(), acquirer.country()),
                answer.currency(),
                amount);
    }
}
