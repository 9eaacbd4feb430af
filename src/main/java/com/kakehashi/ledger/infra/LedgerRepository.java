package com.kakehashi.ledger.infra;

import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.sql.SqlRow;
import com.kakehashi.ledger.domain.AccountType;
import com.kakehashi.ledger.domain.JournalEntry;
import com.kakehashi.ledger.domain.JournalType;
import com.kakehashi.ledger.domain.Posting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Writes and reads journals; the only class that knows the ledger's tables. */
@ApplicationScoped
public class LedgerRepository {
    @Inject
    EntityManager em;

    /**
     * Opens the account, or finds it already open with the same type and currency (house accounts are
     * opened at every start). Any other clash is an error, never silently skipped: an account that was
     * not opened would fail the first posting to it.
     */
    public void openAccount(UUID id, AccountType type, String ownerRef, String currency, Instant at) {
        int inserted = em.createNativeQuery("""
                insert into ledger_account (id, type, owner_ref, currency, created_at)
                values (?1, ?2, ?3, ?4, ?5) on conflict (id) do nothing""")
                .setParameter(1, id)
                .setParameter(2, type.name())
                .setParameter(3, ownerRef)
                .setParameter(4, currency)
                .setParameter(5, at)
                .executeUpdate();
        if (inserted == 1) {
            return;
        }
        LedgerAccountEntity existing = em.find(LedgerAccountEntity.class, id);
        if (existing == null || !existing.type.equals(type.name()) || !existing.currency.equals(currency)) {
            throw new IllegalStateException("Ledger account " + id + " exists as another kind of account");
        }
    }

    public void append(JournalEntry journal) {
        JournalEntryEntity entry = new JournalEntryEntity();
        entry.id = journal.id();
        entry.type = journal.type().name();
        entry.reference = journal.reference();
        entry.createdAt = journal.createdAt();
        em.persist(entry);
        for (Posting posting : journal.postings()) {
            PostingEntity line = new PostingEntity();
            line.id = UUID.randomUUID();
            line.journalId = journal.id();
            line.accountId = posting.accountId();
            line.currency = posting.amount().getCurrency().getCurrencyCode();
            line.amountMinor = Amounts.toMinor(posting.amount());
            line.createdAt = journal.createdAt();
            em.persist(line);
        }
    }

    /** Reads a journal back; the domain constructor re-asserts that it balances. */
    public Optional<JournalEntry> find(UUID journalId) {
        JournalEntryEntity entry = em.find(JournalEntryEntity.class, journalId);
        if (entry == null) {
            return Optional.empty();
        }
        List<Posting> postings = em
                .createQuery("from PostingEntity where journalId = :id order by amountMinor", PostingEntity.class)
                .setParameter("id", journalId)
                .getResultList()
                .stream()
                .map(p -> new Posting(p.accountId, Amounts.fromMinor(p.amountMinor, p.currency)))
                .toList();
        return Optional.of(new JournalEntry(
                entry.id, JournalType.valueOf(entry.type), entry.reference, entry.createdAt, postings));
    }

    public List<UUID> journalIdsFor(String reference) {
        return em.createQuery("select id from JournalEntryEntity where reference = :ref order by createdAt", UUID.class)
                .setParameter("ref", reference)
                .getResultList();
    }

    /** The account's balance in minor units, derived from its postings. */
    public long balanceMinor(UUID accountId) {
        Long sum = em.createQuery(
                        "select coalesce(sum(amountMinor), 0) from PostingEntity where accountId = :id", Long.class)
                .setParameter("id", accountId)
                .getSingleResult();
        return sum;
    }

    /** A page of an account's movements, newest first. */
    public List<AccountMovementRow> movements(UUID accountId, int offset, int limit) {
        return em.createQuery("""
                select new com.kakehashi.ledger.infra.AccountMovementRow(
                    j.id, j.type, j.reference, p.currency, p.amountMinor, p.createdAt)
                from PostingEntity p, JournalEntryEntity j
                where p.accountId = :account and j.id = p.journalId
                order by p.createdAt desc, p.id desc""", AccountMovementRow.class)
                .setParameter("account", accountId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long movementCount(UUID accountId) {
        return em.createQuery("select count(p) from PostingEntity p where p.accountId = :account", Long.class)
                .setParameter("account", accountId)
                .getSingleResult();
    }

    /** Per currency: the summed balance of every account of a type, and how many postings made it. */
    public record CurrencyBalance(String currency, long balanceMinor, long postings) {}

    public List<CurrencyBalance> balancesByType(AccountType type) {
        return SqlRow.list(
                SqlRow.query(em, """
                select a.currency, coalesce(sum(p.amount_minor), 0) balance_minor, count(p.id) postings
                from ledger_account a left join posting p on p.account_id = a.id
                where a.type = ?1 group by a.currency order by a.currency""", type.name()),
                r -> new CurrencyBalance(r.string("currency"), r.longValue("balance_minor"), r.longValue("postings")));
    }
}
