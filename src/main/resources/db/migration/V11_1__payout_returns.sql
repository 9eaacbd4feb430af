-- Issue 11: a payout the beneficiary's bank sent back (camt RtrInf) is RETURNED with the bank's ISO reason code,
-- and the journal that moved its money back to the merchant's payable is named. A payout is returned at most once:
-- the state change is compare-and-set (INSTRUCTED -> RETURNED), so a statement sent again changes nothing.
alter table settlement_item add column payout_status varchar(20) not null default 'INSTRUCTED'
    check (payout_status in ('INSTRUCTED', 'RETURNED'));
alter table settlement_item add column return_reason varchar(35);
alter table settlement_item add column returned_at timestamptz;
alter table settlement_item add column return_journal_id uuid references journal_entry (id);
alter table settlement_item add constraint settlement_item_returned_has_reason
    check (payout_status <> 'RETURNED' or (return_reason is not null and returned_at is not null
                                           and return_journal_id is not null and outcome = 'PAYOUT'));
