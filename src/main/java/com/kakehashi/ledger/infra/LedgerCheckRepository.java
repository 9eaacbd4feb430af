package com.kakehashi.ledger.infra;

import com.kakehashi.common.sql.SqlRow;
import com.kakehashi.ledger.domain.LedgerCheckResult.UnbalancedJournal;
import com.kakehashi.ledger.domain.LedgerCheckResult.WalletMismatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The ledger self-check's reads: aggregates over postings, each one statement (one snapshot). The incremental forms
 * look only at journals created since an instant (index {@code journal_entry_created_at}, V13_2), the wallets those
 * journals touched (index {@code posting_account_idx}) and the ids already known to be off.
 */
@ApplicationScoped
public class LedgerCheckRepository {
    @Inject
    EntityManager em;

    /** Offenders found, the first {@code limit} by id, with the count of all. */
    public record Found<T>(List<T> first, long total, long checked) {}

    public Found<UnbalancedJournal> unbalancedJournals(Instant since, Collection<String> known, int limit) {
        List<Row<UnbalancedJournal>> rows = SqlRow.list(
                SqlRow.query(em, """
                with checked as (
                    select id from journal_entry where created_at >= ?1
                    union select cast(k as uuid) from unnest(string_to_array(?2, ',')) k),
                unbalanced as (
                    select p.journal_id, p.currency, sum(p.amount_minor) as residue
                    from posting p where p.journal_id in (select id from checked)
                    group by p.journal_id, p.currency having sum(p.amount_minor) <> 0)
                select u.journal_id, u.currency, u.residue, (select count(*) from unbalanced) as total,
                       (select count(*) from checked) as checked
                from (select 1) one left join (select * from unbalanced order by journal_id, currency limit ?3) u on true""", since, String.join(",", known), limit),
                r -> new Row<>(
                        r.uuid("journal_id") == null
                                ? null
                                : new UnbalancedJournal(
                                        r.uuid("journal_id").toString(), r.string("currency"), r.longValue("residue")),
                        r.longValue("total"),
                        r.longValue("checked")));
        return found(rows);
    }

    /** Every journal, in one pass over postings. */
    public Found<UnbalancedJournal> allUnbalancedJournals(int limit) {
        return unbalancedJournals(Instant.EPOCH.minusSeconds(1), List.of(), limit);
    }

    public Found<WalletMismatch> walletMismatches(Instant since, Collection<String> known, int limit) {
        List<Row<WalletMismatch>> rows = SqlRow.list(
                SqlRow.query(em, """
                with checked as (
                    select distinct p.account_id as id from posting p
                    where p.journal_id in (select id from journal_entry where created_at >= ?1)
                    union select cast(k as uuid) from unnest(string_to_array(?2, ',')) k),
                off as (
                    select w.id, w.balance_minor, coalesce(s.posted, 0) as posted
                    from wallet w join checked c on c.id = w.id
                    cross join lateral (select sum(amount_minor) as posted from posting where account_id = w.id) s
                    where w.balance_minor <> coalesce(s.posted, 0))
                select o.id, o.balance_minor, o.posted, (select count(*) from off) as total,
                       (select count(*) from wallet w join checked c on c.id = w.id) as checked
                from (select 1) one left join (select * from off order by id limit ?3) o on true""", since, String.join(",", known), limit),
                r -> new Row<>(
                        r.uuid("id") == null
                                ? null
                                : new WalletMismatch(
                                        r.uuid("id").toString(), r.longValue("balance_minor"), r.longValue("posted")),
                        r.longValue("total"),
                        r.longValue("checked")));
        return found(rows);
    }

    /** Every wallet against the sums of all postings, grouped once. */
    public Found<WalletMismatch> allWalletMismatches(int limit) {
        List<Row<WalletMismatch>> rows = SqlRow.list(
                SqlRow.query(em, """
                with off as (
                    select w.id, w.balance_minor, coalesce(s.posted, 0) as posted
                    from wallet w left join (select account_id, sum(amount_minor) as posted from posting
                                             group by account_id) s on s.account_id = w.id
                    where w.balance_minor <> coalesce(s.posted, 0))
                select o.id, o.balance_minor, o.posted, (select count(*) from off) as total,
                       (select count(*) from wallet) as checked
                from (select 1) one left join (select * from off order by id limit ?1) o on true""", limit),
                r -> new Row<>(
                        r.uuid("id") == null
                                ? null
                                : new WalletMismatch(
                                        r.uuid("id").toString(), r.longValue("balance_minor"), r.longValue("posted")),
                        r.longValue("total"),
                        r.longValue("checked")));
        return found(rows);
    }

    /** The newest journal's creation time at or after {@code since}: the next cursor. */
    public Optional<Instant> latestJournal(Instant since) {
        return SqlRow.single(
                SqlRow.query(em, "select max(created_at) as latest from journal_entry where created_at >= ?1", since),
                r -> Optional.ofNullable(r.instant("latest")));
    }

    private record Row<T>(T value, long total, long checked) {}

    private static <T> Found<T> found(List<Row<T>> rows) {
        long total = rows.isEmpty() ? 0 : rows.getFirst().total();
        long checked = rows.isEmpty() ? 0 : rows.getFirst().checked();
        return new Found<>(rows.stream().map(Row::value).filter(v -> v != null).toList(), total, checked);
    }
}
