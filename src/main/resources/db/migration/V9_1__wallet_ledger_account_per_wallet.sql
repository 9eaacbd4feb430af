-- Every wallet has its own ledger account, keyed by the wallet's id. Wallet accounts used to carry
-- the traveller as owner_ref, so (type, owner_ref, currency) let a traveller's second wallet open no
-- account at all (the insert did nothing on conflict) and its first credit failed.
update ledger_account set owner_ref = id::text where type = 'WALLET' and owner_ref <> id::text;

insert into ledger_account (id, type, owner_ref, currency, created_at)
select w.id, 'WALLET', w.id::text, w.currency, w.created_at
  from wallet w
 where not exists (select 1 from ledger_account a where a.id = w.id);
