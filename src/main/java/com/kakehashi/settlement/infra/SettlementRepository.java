package com.kakehashi.settlement.infra;

import com.kakehashi.settlement.domain.BatchState;
import com.kakehashi.settlement.domain.MerchantNetting;
import com.kakehashi.settlement.domain.SettlementBatch;
import com.kakehashi.settlement.domain.SettlementItem;
import com.kakehashi.common.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Batches, items, files and deliveries, in set-based SQL: nothing here loads a window's payments. */
@ApplicationScoped
public class SettlementRepository {
    private static final String BATCH_COLUMNS = "id, bank_id, cutoff, currency, state, failure_reason, payout_minor,"
            + " fee_minor, fx_sold_minor, fx_bought_minor, items_total, items_done, created_at, updated_at, execution_date";

    @Inject
    EntityManager em;

    /** Creates the batch unless this bank and cut-off already have one; true when this call created it. */
    public boolean insertIfAbsent(UUID id, String bankId, Instant cutoff, String currency, Instant now) {
        return em.createNativeQuery("""
                insert into settlement_batch (id, bank_id, cutoff, currency, state, created_at, updated_at)
                values (?1, ?2, ?3, ?4, 'OPEN', ?5, ?5) on conflict (bank_id, cutoff) do nothing""")
                .setParameter(1, id).setParameter(2, bankId).setParameter(3, cutoff).setParameter(4, currency)
                .setParameter(5, now).executeUpdate() == 1;
    }

    public Optional<SettlementBatch> byBankAndCutoff(String bankId, Instant cutoff) {
        return batches("where bank_id = ?1 and cutoff = ?2", bankId, cutoff).stream().findFirst();
    }

    public Optional<SettlementBatch> byId(UUID id) {
        return batches("where id = ?1", id).stream().findFirst();
    }

    public Optional<Instant> latestCutoff(String bankId) {
        List<?> rows = em.createNativeQuery("select max(cutoff) from settlement_batch where bank_id = ?1")
                .setParameter(1, bankId).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of(SqlValues.instant(rows.get(0)));
    }

    public List<SettlementBatch> list(String bankId, String state, Instant from, Instant to, int offset, int limit) {
        return batches("where (cast(?1 as varchar) is null or bank_id = cast(?1 as varchar))"
                + " and (cast(?2 as varchar) is null or state = cast(?2 as varchar)) and cutoff >= ?3 and cutoff < ?4"
                + " order by cutoff desc, bank_id offset " + offset + " limit " + limit, bankId, state, from, to);
    }

    public List<SettlementBatch> inProgress() {
        return batches("where state in ('OPEN', 'CLOSED', 'FILES_WRITTEN') order by cutoff");
    }

    /** Locks the batch row for this transaction: concurrent runs of the same step queue here, then see its result. */
    public BatchState lock(UUID id) {
        return BatchState.valueOf((String) em.createNativeQuery("select state from settlement_batch where id = ?1 for update")
                .setParameter(1, id).getSingleResult());
    }

    /** The batch's state and version (bumped by every state change), its row locked for this transaction. */
    public record LockedBatch(BatchState state, long version) {
    }

    /** The batch's state and version as committed now, without a lock (what a caller saw). */
    public LockedBatch stateAndVersion(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("select state, version from settlement_batch where id = ?1",
                Object[].class).setParameter(1, id).getSingleResult();
        return new LockedBatch(BatchState.valueOf((String) row[0]), num(row[1]).longValue());
    }

    public LockedBatch lockWithVersion(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("select state, version from settlement_batch where id = ?1 for update",
                Object[].class).setParameter(1, id).getSingleResult();
        return new LockedBatch(BatchState.valueOf((String) row[0]), num(row[1]).longValue());
    }

    /**
     * Compare-and-set on the state, with an event row: false when another run already moved it. The state
     * type decides which moves exist; a move it does not allow is a programming error, never written.
     */
    public boolean moveState(UUID id, BatchState from, BatchState to, String detail, String actor, Instant now) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("a batch never moves from " + from + " to " + to);
        }
        int updated = em.createNativeQuery("""
                update settlement_batch set state = ?3, updated_at = ?4, version = version + 1,
                    failure_reason = case when ?3 = 'FAILED' then ?5 else null end
                where id = ?1 and state = ?2""")
                .setParameter(1, id).setParameter(2, from.name()).setParameter(3, to.name()).setParameter(4, now)
                .setParameter(5, detail).executeUpdate();
        if (updated == 1) {
            em.createNativeQuery("insert into settlement_batch_event (batch_id, state, detail, actor, at) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, id).setParameter(2, to.name()).setParameter(3, detail).setParameter(4, actor)
                    .setParameter(5, now).executeUpdate();
        }
        return updated == 1;
    }

    /**
     * Takes every payment and refund of the bank's merchants dated before the cut-off that no batch holds
     * yet: two INSERT ... SELECT statements. {@code notBefore} bounds the scan (the previous cut-off less
     * the longest a transaction can stay open), so that closing does not grow with the history.
     */
    public long[] assignWindow(UUID batchId, String bankId, Instant cutoff, Instant notBefore) {
        int payments = em.createNativeQuery("""
                insert into settlement_payment (payment_id, batch_id, merchant_id, price_minor, yen_minor)
                select p.id, ?1, p.merchant_id, p.price_minor, p.charge_minor - p.fee_minor
                from payment p join merchant m on m.id = p.merchant_id
                where m.bank_id = ?2 and p.captured_at < ?3 and p.captured_at >= ?4
                  and not exists (select 1 from settlement_payment s where s.payment_id = p.id)""")
                .setParameter(1, batchId).setParameter(2, bankId).setParameter(3, cutoff).setParameter(4, notBefore)
                .executeUpdate();
        int refunds = em.createNativeQuery("""
                insert into settlement_refund (refund_id, batch_id, merchant_id, price_minor, yen_minor)
                select r.id, ?1, p.merchant_id, r.price_minor, r.charge_minor - r.fee_returned_minor + r.fx_difference_minor
                from refund r join payment p on p.id = r.payment_id join merchant m on m.id = p.merchant_id
                where m.bank_id = ?2 and r.created_at < ?3 and r.created_at >= ?4
                  and not exists (select 1 from settlement_refund s where s.refund_id = r.id)""")
                .setParameter(1, batchId).setParameter(2, bankId).setParameter(3, cutoff).setParameter(4, notBefore)
                .executeUpdate();
        // What earlier batches of this bank carried forward moves into this one.
        int carried = em.createNativeQuery("""
                update settlement_payment set batch_id = ?1, carried = false where carried
                  and batch_id in (select id from settlement_batch where bank_id = ?2 and cutoff < ?3)""")
                .setParameter(1, batchId).setParameter(2, bankId).setParameter(3, cutoff).executeUpdate();
        carried += em.createNativeQuery("""
                update settlement_refund set batch_id = ?1, carried = false where carried
                  and batch_id in (select id from settlement_batch where bank_id = ?2 and cutoff < ?3)""")
                .setParameter(1, batchId).setParameter(2, bankId).setParameter(3, cutoff).executeUpdate();
        return new long[] {payments, refunds, carried};
    }

    /** Per merchant of the batch: counts and sums, aggregated by the database. */
    public record MerchantTotals(UUID merchantId, String name, String payoutAccount, String currency, int payments,
            long gross, long paidYen, int refunds, long refunded, long refundedYen, String payoutAccountHolderKana) {
    }

    public List<MerchantTotals> merchantTotals(UUID batchId) {
        List<?> rows = em.createNativeQuery("""
                with paid as (
                    select merchant_id, count(*) n, sum(price_minor) gross, sum(yen_minor) yen
                    from settlement_payment where batch_id = ?1 and not carried group by merchant_id),
                returned as (
                    select merchant_id, count(*) n, sum(price_minor) amount, sum(yen_minor) yen
                    from settlement_refund where batch_id = ?1 and not carried group by merchant_id)
                select m.id, m.name, m.payout_account, m.currency, coalesce(paid.n, 0), coalesce(paid.gross, 0),
                       coalesce(paid.yen, 0), coalesce(returned.n, 0), coalesce(returned.amount, 0), coalesce(returned.yen, 0),
                       m.payout_account_holder_kana
                from (select merchant_id from paid union select merchant_id from returned) x
                join merchant m on m.id = x.merchant_id
                left join paid on paid.merchant_id = m.id
                left join returned on returned.merchant_id = m.id
                order by m.id""", Object[].class).setParameter(1, batchId).getResultList();
        List<MerchantTotals> totals = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            totals.add(new MerchantTotals((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], num(r[4]).intValue(),
                    num(r[5]).longValue(), num(r[6]).longValue(), num(r[7]).intValue(), num(r[8]).longValue(),
                    num(r[9]).longValue(), (String) r[10]));
        }
        return totals;
    }

    public void insertItem(UUID batchId, SettlementItem item) {
        MerchantNetting n = item.netting();
        em.createNativeQuery("""
                insert into settlement_item (batch_id, merchant_id, merchant_name, payout_account, currency, payments, refunds,
                    gross_minor, refunds_minor, fee_minor, net_minor, charge_minor, outcome, end_to_end_id,
                    payout_account_holder_kana)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)""")
                .setParameter(1, batchId).setParameter(2, item.merchantId()).setParameter(3, item.merchantName())
                .setParameter(4, item.payoutAccount()).setParameter(5, item.currency()).setParameter(6, item.payments())
                .setParameter(7, item.refunds()).setParameter(8, n.gross()).setParameter(9, n.refunds())
                .setParameter(10, n.fee()).setParameter(11, n.net()).setParameter(12, item.chargeYen())
                .setParameter(13, n.outcome().name()).setParameter(14, item.endToEndId())
                .setParameter(15, item.payoutAccountHolderKana()).executeUpdate();
    }

    /** Marks a carried-forward merchant's payments and refunds for the bank's next batch to take over. */
    public void carryForward(UUID batchId, UUID merchantId) {
        em.createNativeQuery("update settlement_payment set carried = true where batch_id = ?1 and merchant_id = ?2")
                .setParameter(1, batchId).setParameter(2, merchantId).executeUpdate();
        em.createNativeQuery("update settlement_refund set carried = true where batch_id = ?1 and merchant_id = ?2")
                .setParameter(1, batchId).setParameter(2, merchantId).executeUpdate();
    }

    /** The cut-off of the bank's batch before this one, if any. */
    public Optional<Instant> previousCutoff(String bankId, Instant cutoff) {
        List<?> rows = em.createNativeQuery("select max(cutoff) from settlement_batch where bank_id = ?1 and cutoff < ?2")
                .setParameter(1, bankId).setParameter(2, cutoff).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of(SqlValues.instant(rows.get(0)));
    }

    public void setTotals(UUID batchId, long payout, long fee, Long fxSold, Long fxBought, int itemsTotal,
            java.time.LocalDate executionDate) {
        em.createNativeQuery("""
                update settlement_batch set payout_minor = ?2, fee_minor = ?3, fx_sold_minor = ?4, fx_bought_minor = ?5,
                    items_total = ?6, execution_date = ?7 where id = ?1""")
                .setParameter(1, batchId).setParameter(2, payout).setParameter(3, fee).setParameter(4, fxSold)
                .setParameter(5, fxBought).setParameter(6, itemsTotal).setParameter(7, executionDate).executeUpdate();
    }

    public void setItemsDone(UUID batchId, int done) {
        em.createNativeQuery("update settlement_batch set items_done = ?2 where id = ?1")
                .setParameter(1, batchId).setParameter(2, done).executeUpdate();
    }

    public List<SettlementItem> items(UUID batchId) {
        List<?> rows = em.createNativeQuery("""
                select merchant_id, merchant_name, payout_account, currency, payments, refunds, gross_minor, refunds_minor,
                       fee_minor, net_minor, outcome, charge_minor, end_to_end_id, payout_account_holder_kana
                from settlement_item where batch_id = ?1 order by merchant_id""", Object[].class)
                .setParameter(1, batchId).getResultList();
        List<SettlementItem> items = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            MerchantNetting netting = new MerchantNetting(num(r[6]).longValue(), num(r[7]).longValue(),
                    num(r[8]).longValue(), num(r[9]).longValue(), MerchantNetting.Outcome.valueOf((String) r[10]));
            items.add(new SettlementItem((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], num(r[4]).intValue(),
                    num(r[5]).intValue(), netting, num(r[11]).longValue(), (String) r[12], (String) r[13]));
        }
        return items;
    }

    public record StoredFile(String format, String fileName, String mediaType, byte[] content, String sha256) {
    }

    public void saveFileIfAbsent(UUID batchId, StoredFile file, Instant now) {
        em.createNativeQuery("""
                insert into settlement_file (batch_id, format, file_name, media_type, content, sha256, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (batch_id, format) do nothing""")
                .setParameter(1, batchId).setParameter(2, file.format()).setParameter(3, file.fileName())
                .setParameter(4, file.mediaType()).setParameter(5, file.content()).setParameter(6, file.sha256())
                .setParameter(7, now).executeUpdate();
    }

    public List<StoredFile> files(UUID batchId) {
        List<?> rows = em.createNativeQuery("""
                select format, file_name, media_type, content, sha256 from settlement_file where batch_id = ?1
                order by format""", Object[].class).setParameter(1, batchId).getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(r -> new StoredFile((String) r[0], (String) r[1], (String) r[2], (byte[]) r[3], (String) r[4])).toList();
    }

    public void recordDelivery(UUID batchId, String format, String channel, String target, String outcome, String detail,
            Instant now) {
        em.createNativeQuery("""
                insert into settlement_delivery (batch_id, format, channel, target, attempt, outcome, detail, at)
                values (?1, ?2, ?3, ?4, (select count(*) + 1 from settlement_delivery where batch_id = ?1 and format = ?2),
                        ?5, ?6, ?7)""")
                .setParameter(1, batchId).setParameter(2, format).setParameter(3, channel).setParameter(4, target)
                .setParameter(5, outcome).setParameter(6, detail).setParameter(7, now).executeUpdate();
    }

    public long deliveries(UUID batchId) {
        return num(em.createNativeQuery("select count(*) from settlement_delivery where batch_id = ?1 and outcome = 'DELIVERED'")
                .setParameter(1, batchId).getSingleResult()).longValue();
    }

    private List<SettlementBatch> batches(String where, Object... params) {
        var query = em.createNativeQuery("select " + BATCH_COLUMNS + " from settlement_batch " + where, Object[].class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(row -> (Object[]) row).map(SettlementRepository::batch).toList();
    }

    private static SettlementBatch batch(Object[] r) {
        return new SettlementBatch((UUID) r[0], (String) r[1], SqlValues.instant(r[2]), (String) r[3], BatchState.valueOf((String) r[4]),
                (String) r[5], longOrNull(r[6]), longOrNull(r[7]), longOrNull(r[8]), longOrNull(r[9]),
                r[10] == null ? null : num(r[10]).intValue(), num(r[11]).intValue(), SqlValues.instant(r[12]), SqlValues.instant(r[13]),
                SqlValues.date(r[14]));
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : num(value).longValue();
    }

    private static Number num(Object value) {
        return (Number) value;
    }

}
