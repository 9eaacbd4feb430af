-- A top-up the bank approved but the wallet cannot take (closed, or the credit keeps failing) is returned
-- to the customer's account by a reversal at the bank: PENDING -> REVERSING -> REVERSED (docs/bank-debit-api.md).
alter table top_up add column credit_failures   integer     not null default 0;
alter table top_up add column reversal_reference varchar(64);
create index top_up_reversing_idx on top_up (updated_at) where status = 'REVERSING';

-- The reversal leaves the house's account at the funding bank: reconciliation expects it (docs/reconciliation.md).
alter table expected_item drop constraint expected_item_kind_check;
alter table expected_item add constraint expected_item_kind_check
    check (kind in ('SETTLEMENT_INSTRUCTION', 'TOP_UP_DEBIT', 'TOP_UP_REVERSAL', 'FX_COVER', 'FEE'));
