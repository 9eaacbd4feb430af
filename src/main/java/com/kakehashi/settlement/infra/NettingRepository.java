package com.kakehashi.settlement.infra;

import com.kakehashi.common.money.Currencies;
import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.common.sql.SqlRow;
import com.kakehashi.settlement.domain.MerchantNetting;
import com.kakehashi.settlement.domain.SettlementItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.money.CurrencyUnit;
import javax.money.Monetary;

/**
 * A window's membership and netting, in set-based SQL: nothing here loads a window's payments. Membership is
 * append-only: a payment or refund row names the batch that first took it, for good; a merchant carried forward
 * leaves a {@code CARRIED_FORWARD} item, and the bank's next batch records that it took the item over
 * ({@code settlement_carry_forward}) and nets its amounts again with its own.
 */
@ApplicationScoped
public class NettingRepository {
    @Inject
    EntityManager em;

    /** What closing a window took: new payments and refunds, and items carried in from earlier batches. */
    public record Assigned(int payments, int refunds, int carriedIn) {}

    /** Per merchant of the batch, its own rows and the items it carried in, aggregated by the database. */
    public record MerchantTotals(
            UUID merchantId,
            String name,
            String payoutAccount,
            int payments,
            MinorAmount gross,
            int refunds,
            MinorAmount refunded,
            MinorAmount chargeYen,
            String payoutAccountHolderKana) {
        public MerchantTotals {
            gross.requireSameCurrency(refunded);
        }
    }

    /**
     * Takes every payment and refund of the bank's merchants dated before the cut-off that no batch holds
     * yet (two INSERT ... SELECT statements), and every item earlier batches of the bank carried forward that no
     * batch took over yet (one more). {@code notBefore} bounds the scan (the previous cut-off less the longest a
     * transaction can stay open), so that closing does not grow with the history.
     */
    public Assigned assignWindow(UUID batchId, String bankId, Instant cutoff, Instant notBefore) {
        int payments = em.createNativeQuery("""
                insert into settlement_payment (payment_id, batch_id, merchant_id, price_minor, yen_minor)
                select p.id, ?1, p.merchant_id, p.price_minor, p.charge_minor - p.fee_minor
                from payment p join merchant m on m.id = p.merchant_id
                where m.bank_id = ?2 and p.captured_at < ?3 and p.captured_at >= ?4
                  and not exists (select 1 from settlement_payment s where s.payment_id = p.id)""")
                .setParameter(1, batchId)
                .setParameter(2, bankId)
                .setParameter(3, cutoff)
                .setParameter(4, notBefore)
                .executeUpdate();
        int refunds = em.createNativeQuery("""
                insert into settlement_refund (refund_id, batch_id, merchant_id, price_minor, yen_minor)
                select r.id, ?1, p.merchant_id, r.price_minor, r.charge_minor - r.fee_returned_minor + r.fx_difference_minor
                from refund r join payment p on p.id = r.payment_id join merchant m on m.id = p.merchant_id
                where m.bank_id = ?2 and r.created_at < ?3 and r.created_at >= ?4
                  and not exists (select 1 from settlement_refund s where s.refund_id = r.id)""")
                .setParameter(1, batchId)
                .setParameter(2, bankId)
                .setParameter(3, cutoff)
                .setParameter(4, notBefore)
                .executeUpdate();
        // What earlier batches of this bank carried forward is taken over by this one: a new row, nothing rewritten.
        int carried = em.createNativeQuery(
                        """
                insert into settlement_carry_forward (from_batch_id, merchant_id, to_batch_id)
                select i.batch_id, i.merchant_id, ?1
                from settlement_item i join settlement_batch b on b.id = i.batch_id
                where i.outcome = 'CARRIED_FORWARD' and b.bank_id = ?2 and b.cutoff < ?3
                  and not exists (select 1 from settlement_carry_forward c
                                  where c.from_batch_id = i.batch_id and c.merchant_id = i.merchant_id)
                on conflict do nothing""") // another of the bank's batches closing at the same moment took it: it is theirs
                .setParameter(1, batchId)
                .setParameter(2, bankId)
                .setParameter(3, cutoff)
                .executeUpdate();
        return new Assigned(payments, refunds, carried);
    }

    public List<MerchantTotals> merchantTotals(UUID batchId) {
        return SqlRow.list(SqlRow.query(em, """
                with paid as (
                    select merchant_id, count(*) as n, sum(price_minor) as gross, sum(yen_minor) as yen
                    from settlement_payment where batch_id = ?1 group by merchant_id),
                returned as (
                    select merchant_id, count(*) as n, sum(price_minor) as amount, sum(yen_minor) as yen
                    from settlement_refund where batch_id = ?1 group by merchant_id),
                carried as (
                    select i.merchant_id, sum(i.payments) as payments, sum(i.refunds) as refunds, sum(i.gross_minor) as gross,
                           sum(i.refunds_minor) as refunded, sum(i.charge_minor) as yen
                    from settlement_carry_forward c
                    join settlement_item i on i.batch_id = c.from_batch_id and i.merchant_id = c.merchant_id
                    where c.to_batch_id = ?1 group by i.merchant_id)
                select m.id as merchant_id, m.name, m.payout_account, m.currency, m.payout_account_holder_kana,
                       coalesce(paid.n, 0) + coalesce(carried.payments, 0) as payments,
                       coalesce(paid.gross, 0) + coalesce(carried.gross, 0) as gross,
                       coalesce(returned.n, 0) + coalesce(carried.refunds, 0) as refunds,
                       coalesce(returned.amount, 0) + coalesce(carried.refunded, 0) as refunded,
                       coalesce(paid.yen, 0) - coalesce(returned.yen, 0) + coalesce(carried.yen, 0) as charge_yen
                from (select merchant_id from paid union select merchant_id from returned
                      union select merchant_id from carried) x
                join merchant m on m.id = x.merchant_id
                left join paid on paid.merchant_id = m.id
                left join returned on returned.merchant_id = m.id
                left join carried on carried.merchant_id = m.id
                order by m.id""", batchId), r -> {
            CurrencyUnit currency = Monetary.getCurrency(r.string("currency"));
            return new MerchantTotals(
                    r.uuid("merchant_id"),
                    r.string("name"),
                    r.string("payout_account"),
                    r.intValue("payments"),
                    r.minor("gross", currency),
                    r.intValue("refunds"),
                    r.minor("refunded", currency),
                    r.minor("charge_yen", Currencies.JPY),
                    r.string("payout_account_holder_kana"));
        });
    }

    public void insertItem(UUID batchId, SettlementItem item) {
        MerchantNetting n = item.netting();
        em.createNativeQuery("""
                insert into settlement_item (batch_id, merchant_id, merchant_name, payout_account, currency, payments, refunds,
                    gross_minor, refunds_minor, fee_minor, net_minor, charge_minor, outcome, end_to_end_id,
                    payout_account_holder_kana)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)""")
                .setParameter(1, batchId)
                .setParameter(2, item.merchantId())
                .setParameter(3, item.merchantName())
                .setParameter(4, item.payoutAccount())
                .setParameter(5, item.currency())
                .setParameter(6, item.payments())
                .setParameter(7, item.refunds())
                .setParameter(8, n.grossAmount().amount())
                .setParameter(9, n.refundedAmount().amount())
                .setParameter(10, n.feeAmount().amount())
                .setParameter(11, n.netAmount().amount())
                .setParameter(12, item.chargeYen().amount())
                .setParameter(13, n.outcome().name())
                .setParameter(14, item.endToEndId())
                .setParameter(15, item.payoutAccountHolderKana())
                .executeUpdate();
    }

    public List<SettlementItem> items(UUID batchId) {
        return SqlRow.list(SqlRow.query(em, """
                select merchant_id, merchant_name, payout_account, currency, payments, refunds, gross_minor, refunds_minor,
                       fee_minor, net_minor, outcome, charge_minor, end_to_end_id, payout_account_holder_kana
                from settlement_item where batch_id = ?1 order by merchant_id""", batchId), r -> {
            CurrencyUnit currency = Monetary.getCurrency(r.string("currency"));
            MerchantNetting netting = new MerchantNetting(
                    r.minor("gross_minor", currency),
                    r.minor("refunds_minor", currency),
                    r.minor("fee_minor", currency),
                    r.minor("net_minor", currency),
                    r.enumValue("outcome", MerchantNetting.Outcome.class));
            return new SettlementItem(
                    r.uuid("merchant_id"),
                    r.string("merchant_name"),
                    r.string("payout_account"),
                    r.intValue("payments"),
                    r.intValue("refunds"),
                    netting,
                    r.minor("charge_minor", Currencies.JPY),
                    r.string("end_to_end_id"),
                    r.string("payout_account_holder_kana"));
        });
    }
}
