package com.kakehashi.acquiring.application;

import com.kakehashi.acquiring.domain.Acquirer;
import com.kakehashi.acquiring.domain.AcquirerRegistration;
import com.kakehashi.acquiring.infra.AcquirerRepository;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.security.Caller;
import com.kakehashi.merchant.application.Merchants;
import com.kakehashi.merchant.domain.Merchant;
import com.kakehashi.merchant.domain.MerchantRegistration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The acquirer registry. Registering an acquirer also registers its payee: a merchant row with the acquirer's
 * bank and payout account, so that settlement pays each acquirer one net amount per batch exactly as it pays a
 * merchant, with no settlement code of its own.
 */
@ApplicationScoped
public class Acquirers {
    /** ISO 18245 6012, financial institutions: what an acquirer's payee row is filed under. */
    static final String PAYEE_MCC = "6012";

    static final String PAYEE_CITY = "Acquirer";
    private static final int MERCHANT_NAME_MAX = 25;

    @Inject
    AcquirerRepository repository;

    @Inject
    Merchants merchants;

    @Inject
    Clock clock;

    @Transactional
    public Acquirer register(AcquirerRegistration registration) {
        if (repository.exists(registration.id())) {
            throw new BusinessException(ErrorCode.ACQUIRER_ALREADY_EXISTS, "Acquirer " + registration.id() + " exists");
        }
        Merchant payee = merchants.register(MerchantRegistration.of(
                payeeName(registration),
                PAYEE_CITY,
                registration.country(),
                registration.currency(),
                PAYEE_MCC,
                registration.bankId(),
                registration.payoutAccount()));
        if (!repository.insert(registration, payee.id(), clock.instant())) {
            throw new BusinessException(ErrorCode.ACQUIRER_ALREADY_EXISTS, "Acquirer " + registration.id() + " exists");
        }
        return repository.byId(registration.id()).orElseThrow();
    }

    /** Name, code patterns and resolve URL may change; bank, currency and payout account are fixed at registration. */
    @Transactional
    public Acquirer update(AcquirerRegistration registration, long expectedVersion) {
        Acquirer current = byId(registration.id());
        boolean fixedFieldsKept = current.country().equals(registration.country())
                && current.currency().equals(registration.currency())
                && current.bankId().equals(registration.bankId())
                && current.payoutAccount().equals(registration.payoutAccount());
        if (!fixedFieldsKept) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST,
                    "country, currency, bankId and payoutAccount cannot change; register a new acquirer");
        }
        if (!repository.update(registration, expectedVersion)) {
            throw new BusinessException(
                    ErrorCode.CONCURRENT_MODIFICATION,
                    "Acquirer " + registration.id() + " is at version " + current.version() + ", not " + expectedVersion
                            + "; read it again");
        }
        return byId(registration.id());
    }

    @Transactional
    public Acquirer byId(String id) {
        return repository
                .byId(id)
                .orElseThrow(() -> new BusinessException(ErrorCode.ACQUIRER_NOT_FOUND, "No acquirer " + id));
    }

    /** An operator sees every acquirer; an acquirer only itself. */
    @Transactional
    public Acquirer visibleTo(Caller caller, String id) {
        if (!caller.isOperator() && !Objects.equals(caller.subject(), id)) {
            throw new BusinessException(ErrorCode.ACQUIRER_NOT_FOUND, "No acquirer " + id);
        }
        return byId(id);
    }

    @Transactional
    public List<Acquirer> all() {
        return repository.all();
    }

    /** The first acquirer whose code patterns recognise the payload, with the network it names. */
    @Transactional
    public Optional<Recognised> recognise(String payload) {
        for (Acquirer acquirer : repository.all()) {
            Optional<String> network = acquirer.recognise(payload);
            if (network.isPresent()) {
                return Optional.of(new Recognised(acquirer, network.get()));
            }
        }
        return Optional.empty();
    }

    public record Recognised(Acquirer acquirer, String network) {}

    private static String payeeName(AcquirerRegistration r) {
        return r.name().length() <= MERCHANT_NAME_MAX ? r.name() : r.name().substring(0, MERCHANT_NAME_MAX);
    }
}
