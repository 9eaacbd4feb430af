-- A posting's currency is its account's: the database refuses a yen posting to a yuan account, whatever the
-- code above it does (issue 10 item 3). The composite key replaces the plain one, so a posting is still checked
-- once, against the same (now wider) index.
alter table ledger_account add constraint ledger_account_id_currency unique (id, currency);
alter table posting add constraint posting_account_currency
    foreign key (account_id, currency) references ledger_account (id, currency);
alter table posting drop constraint posting_account_id_fkey;
