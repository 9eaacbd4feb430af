package com.kakehashi.bank.application;

import com.kakehashi.bank.domain.CutoffFrequency;
import com.kakehashi.bank.domain.DeliveryTargets;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.bank.infra.PartnerBankEntity;
import com.kakehashi.bank.infra.PartnerBankRepository;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Currencies;
import com.kakehashi.common.zengin.ZenginAccount;
import com.kakehashi.common.zengin.ZenginText;
import com.kakehashi.ledger.application.Ledger;
import com.kakehashi.ledger.domain.AccountType;
import com.kakehashi.ledger.domain.LedgerAccounts;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

@ApplicationScoped
public class PartnerBanks {
    /** The bank that debits linked Japanese accounts for top-ups. */
    public static final String FUNDING_BANK_ID = "jp-funding-bank";

    @Inject
    PartnerBankRepository repository;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Inject
    BankConfig config;

    /** Every partner bank has a clearing account in its currency before any money moves. */
    @Transactional
    void openClearingAccounts(@Observes StartupEvent started) {
        for (PartnerBank bank : repository.all()) {
            ledger.openAccount(
                    LedgerAccounts.bankClearing(bank.id(), bank.currency()),
                    AccountType.BANK_CLEARING,
                    bank.id(),
                    Currencies.supported(bank.currency()),
                    clock.instant());
        }
    }

    @Transactional
    public List<PartnerBank> all() {
        return repository.all();
    }

    @Transactional
    public PartnerBank byId(String id) {
        return repository
                .byId(id)
                .orElseThrow(() -> new BusinessException(ErrorCode.BANK_NOT_FOUND, "No partner bank '" + id + "'"));
    }

    /** Adds a bank (operators); its clearing account is opened in the same transaction. */
    @Transactional
    public PartnerBank register(PartnerBank bank) {
        validate(bank);
        if (repository.findByIdOptional(bank.id()).isPresent()) {
            throw new BusinessException(
                    ErrorCode.BANK_ALREADY_EXISTS, "Partner bank '" + bank.id() + "' exists; PUT to change it");
        }
        PartnerBankEntity e = new PartnerBankEntity();
        PartnerBankRepository.copy(bank, e);
        e.createdAt = clock.instant();
        repository.persist(e);
        ledger.openAccount(
                LedgerAccounts.bankClearing(bank.id(), bank.currency()),
                AccountType.BANK_CLEARING,
                bank.id(),
                Currencies.supported(bank.currency()),
                clock.instant());
        return byId(bank.id());
    }

    /** Replaces a bank's details; the id and currency of a bank never change (its ledger account depends on them). */
    @Transactional
    public PartnerBank update(String id, PartnerBank bank, Long expectedVersion) {
        validate(bank);
        PartnerBankEntity e = repository
                .findByIdOptional(id)
                .orElseThrow(() -> new BusinessException(ErrorCode.BANK_NOT_FOUND, "No partner bank '" + id + "'"));
        if (!e.currency.equals(bank.currency()) || !id.equals(bank.id())) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "A bank's id and currency cannot change");
        }
        if (expectedVersion != null && expectedVersion != e.version) {
            throw new BusinessException(
                    ErrorCode.CONCURRENT_MODIFICATION,
                    "Bank '" + id + "' is at version " + e.version + ", not " + expectedVersion);
        }
        PartnerBankRepository.copy(bank, e);
        repository.flush();
        return byId(id);
    }

    /** Why the bank's delivery target is not allowed (outside the outbox, or an unregistered host), if it is not. */
    public Optional<String> deliveryTargetRefusal(PartnerBank bank) {
        return DeliveryTargets.refusal(
                bank.deliveryChannel(),
                bank.deliveryTarget(),
                Set.copyOf(config.deliveryHosts().orElse(List.of())),
                config.plainHttpDelivery());
    }

    private void validate(PartnerBank bank) {
        Currencies.supported(bank.currency());
        if (!bank.id().matches("[a-z0-9][a-z0-9-]{1,39}")
                || !bank.bic().matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?")
                || !bank.country().matches("[A-Z]{2}")) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST,
                    "id must be lower-case letters, digits and '-', bic 8 or 11 characters, country ISO 3166 alpha-2");
        }
        if (bank.cutoffSchedule().isEmpty() || bank.cutoffSchedule().size() > 24) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "a bank has 1 to 24 cut-offs a day");
        }
        for (String cron : bank.cutoffSchedule()) {
            if (!org.quartz.CronExpression.isValidExpression(cron)) {
                throw new BusinessException(
                        ErrorCode.INVALID_REQUEST, "'" + cron + "' is not a Quartz cron expression");
            }
        }
        if (bank.fileFormats().isEmpty()) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "a bank needs at least one file format");
        }
        BusinessCalendars.requireCalendarId(bank.calendar());
        if (bank.zenginRequesterCode() != null && !bank.zenginRequesterCode().matches("\\d{10}")
                || bank.zenginRequesterName() != null && !ZenginText.allowed(bank.zenginRequesterName(), 40)) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST,
                    "zenginRequesterCode is 10 digits, zenginRequesterName"
                            + " at most 40 Zengin characters (half-width kana, A-Z, 0-9)");
        }
        validateZengin(bank);
        deliveryTargetRefusal(bank).ifPresent(reason -> {
            throw new BusinessException(ErrorCode.DELIVERY_TARGET_NOT_ALLOWED, reason);
        });
        CutoffFrequency.refusal(nextCutoffs(bank, 200), config.minimumCutoffInterval())
                .ifPresent(reason -> {
                    throw new BusinessException(ErrorCode.CUTOFF_TOO_FREQUENT, reason);
                });
    }

    /** A Zengin bank pays yen from a Zengin account, under the requester code and kana name it gave the house. */
    private static void validateZengin(PartnerBank bank) {
        if (!bank.fileFormats().contains(PartnerBank.FileFormat.ZENGIN)) {
            return;
        }
        boolean valid = "JPY".equals(bank.currency())
                && bank.zenginRequesterCode() != null
                && bank.zenginRequesterCode().matches("\\d{10}")
                && ZenginText.allowed(bank.zenginRequesterName(), 40)
                && ZenginAccount.parse(bank.settlementAccount()).isPresent();
        if (!valid) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST,
                    "a ZENGIN bank pays JPY, has a 10-digit"
                            + " zenginRequesterCode, a zenginRequesterName of at most 40 Zengin characters (half-width kana,"
                            + " A-Z, 0-9) and a settlementAccount in Zengin form (" + ZenginAccount.FORM_DESCRIPTION
                            + ")");
        }
    }

    /** The schedule's next cut-offs from now, merged over its expressions, ascending (at most {@code limit}). */
    private List<Instant> nextCutoffs(PartnerBank bank, int limit) {
        java.util.TreeSet<Instant> next = new java.util.TreeSet<>();
        Date from = Date.from(clock.instant());
        for (String cron : bank.cutoffSchedule()) {
            try {
                var expression = new org.quartz.CronExpression(cron);
                expression.setTimeZone(TimeZone.getTimeZone(bank.timeZone()));
                Date at = from;
                for (int i = 0; i < limit && (at = expression.getNextValidTimeAfter(at)) != null; i++) {
                    next.add(at.toInstant());
                }
            } catch (java.text.ParseException e) {
                throw new BusinessException(
                        ErrorCode.INVALID_REQUEST, "'" + cron + "' is not a Quartz cron expression");
            }
        }
        return new ArrayList<>(next).subList(0, Math.min(limit, next.size()));
    }
}
