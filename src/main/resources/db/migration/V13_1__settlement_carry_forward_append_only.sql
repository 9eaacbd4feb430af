-- Batch membership becomes append-only. A payment's (or refund's) settlement_payment row keeps the batch that
-- first took it, for good; when its merchant is carried forward, that batch's CARRIED_FORWARD item stays, and the
-- bank's next batch records here that it took the item over (and nets the item's amounts with its own). Before
-- this, carrying rewrote settlement_payment.batch_id and the first batch lost the payment from its history.
create table settlement_carry_forward (
    from_batch_id  uuid  not null,
    merchant_id    uuid  not null,
    to_batch_id    uuid  not null references settlement_batch (id),
    -- an item is taken over once
    primary key (from_batch_id, merchant_id),
    foreign key (from_batch_id, merchant_id) references settlement_item (batch_id, merchant_id)
);
create index settlement_carry_forward_to on settlement_carry_forward (to_batch_id, merchant_id);
create trigger settlement_carry_forward_append_only before update or delete on settlement_carry_forward
    for each row execute function refuse_ledger_rewrite();
-- Closing looks for items not taken over yet: only carried ones, few.
create index settlement_item_carried on settlement_item (batch_id) where outcome = 'CARRIED_FORWARD';

-- History before this migration: a carried item was taken over by the bank's first later batch that closed (its
-- rows were moved there). Record that, so those items are not taken over a second time.
insert into settlement_carry_forward (from_batch_id, merchant_id, to_batch_id)
select i.batch_id, i.merchant_id, next.id
from settlement_item i
join settlement_batch b on b.id = i.batch_id
join lateral (select n.id from settlement_batch n
              where n.bank_id = b.bank_id and n.cutoff > b.cutoff and n.state <> 'OPEN'
              order by n.cutoff limit 1) next on true
where i.outcome = 'CARRIED_FORWARD';

-- The carried flag is no longer written (nor read): settlement_payment and settlement_refund rows are never updated.
comment on column settlement_payment.carried is 'obsolete since V13_1 (settlement_carry_forward); always false for new rows';
comment on column settlement_refund.carried is 'obsolete since V13_1 (settlement_carry_forward); always false for new rows';
