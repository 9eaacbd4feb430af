package com.kakehashi.ledger.application;

import com.kakehashi.common.money.Amounts;
import com.kakehashi.ledger.domain.AccountType;
import com.kakehashi.ledger.domain.JournalEntry;
import com.kakehashi.ledger.domain.JournalType;
import com.kakehashi.ledger.infra.LedgerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.money.CurrencyUnit;
import org.javamoney.moneta.Money;

/**
 * The double-entry ledger as other features see it. Posting joins the caller's transaction
 * (MANDATORY): a journal is only ever written together with the business change it records.
 */
@ApplicationScoped
public class Ledger {
    @Inject
    LedgerRepository repository;

    @Transactional(Transactional.TxType.MANDATORY)
    public void openAccount(UUID id, AccountType type, String ownerRef, CurrencyUnit currency, java.time.Instant at) {
        repository.openAccount(id, type, ownerRef, currency.getCurrencyCode(), at);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void post(JournalEntry journal) {
        repository.append(journal);
    }

    @Transactional
    public Optional<JournalEntry> journal(UUID id) {
        return repository.find(id);
    }

    @Transactional
    public List<JournalEntry> journalsFor(String reference) {
        return repository.journalIdsFor(reference).stream()
                .map(id -> repository.find(id).orElseThrow())
                .toList();
    }

    @Transactional
    public Money balance(UUID accountId, CurrencyUnit currency) {
        return Amounts.fromMinor(repository.balanceMinor(accountId), currency);
    }

    @Transactional
    public List<AccountMovement> movements(UUID accountId, int offset, int limit) {
        return repository.movements(accountId, offset, limit).stream()
                .map(r -> new AccountMovement(
                        r.journalId(),
                        JournalType.valueOf(r.journalType()),
                        r.reference(),
                        Amounts.fromMinor(r.amountMinor(), r.currency()),
                        r.at()))
                .toList();
    }

    @Transactional
    public long movementCount(UUID accountId) {
        return repository.movementCount(accountId);
    }

    /** A total per currency over all accounts of one type (e.g. the operator's FX position). */
    public record TypeBalance(Money balance, long postings) {}

    @Transactional
    public List<TypeBalance> balancesByType(AccountType type) {
        return repository.balancesByType(type).stream()
                .map(r -> new TypeBalance(Amounts.fromMinor(r.balanceMinor(), r.currency()), r.postings()))
                .toList();
    }
}
