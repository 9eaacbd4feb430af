-- History for the hot-path benchmark (issue 14): wallets and captured payments the load never touches, so the hot
-- tables and their indexes have a production service's size. Run by bin/bench-payments when BENCH_HISTORY_WALLETS
-- and BENCH_HISTORY_PAYMENTS are set, after the driver seeded its own wallets and merchants:
--   psql -v wallets=1000000 -v payments=5000000 -f bench/sql/history.sql <bench database>
-- Every journal balances by construction (a top-up per wallet, then its payments), so each history wallet ends
-- at a zero balance equal to its postings. Bulk load: foreign keys and the per-row balance triggers are off for
-- this session (session_replication_role), as a restore would have them.
\set ON_ERROR_STOP on
set session_replication_role = replica;
set synchronous_commit = off;

create temp table history_wallet as
    select g as n, uuid_v7() as id from generate_series(1, :wallets) g;
create temp table history_merchant as select n, id from bench_merchant;
select count(*) as merchants from history_merchant \gset
select id as clearing from ledger_account where type = 'BANK_CLEARING' and currency = 'JPY' limit 1 \gset

insert into wallet (id, owner, currency, status, balance_minor, max_balance_minor, per_payment_limit_minor,
                    daily_limit_minor, version, created_at)
select id, 'history-' || n, 'JPY', 'ACTIVE', 0, 1000000, 300000, 500000, 0, now() - interval '400 days'
from history_wallet;
insert into ledger_account (id, type, owner_ref, currency, created_at)
select id, 'WALLET', id::text, 'JPY', now() - interval '400 days' from history_wallet;

-- Payments in chunks of a million, spread over the wallets and the bench merchants, 500 to 5,499 yen, over 365 days.
create temp table chunk (n bigint, quote uuid, payment uuid, journal uuid, wallet uuid, merchant uuid, yen bigint,
                         at timestamptz);
select format($q$
    truncate chunk;
    insert into chunk
    select g, uuid_v7(), uuid_v7(), uuid_v7(), w.id, m.id, 500 + g %% 5000,
           now() - interval '365 days' + (g * interval '365 days') / %1$s
    from generate_series(%2$s::bigint * 1000000 + 1, least((%2$s::bigint + 1) * 1000000, %1$s)) g
    join history_wallet w on w.n = 1 + g %% %3$s
    join history_merchant m on m.n = 1 + g %% %4$s;
    -- quotes are sealed tokens, not rows (ADR 0015): a payment keeps its quote's id only
    insert into payment (id, quote_id, wallet_id, owner, merchant_id, price_minor, price_currency, charge_minor,
                         charge_currency, rate, refunded_price_minor, refunded_charge_minor, status, captured_at,
                         version, fee_minor)
    select payment, quote, wallet, 'history', merchant, yen, 'JPY', yen, 'JPY', 1, 0, 0, 'CAPTURED', at, 0, 0 from chunk;
    insert into journal_entry (id, type, reference, created_at) select journal, 'PAYMENT', payment::text, at from chunk;
    insert into posting (id, journal_id, account_id, currency, amount_minor, created_at)
    select uuid_v7(), journal, wallet, 'JPY', -yen, at from chunk
    union all
    select uuid_v7(), journal, merchant, 'JPY', yen, at from chunk;
    $q$, :payments, c, :wallets, :merchants)
from generate_series(0, (:payments - 1) / 1000000) c \gexec

-- Each history wallet's top-up: what its payments spent, a year ago.
create temp table topped as
    select p.wallet_id as wallet, sum(p.charge_minor) as yen from payment p join history_wallet w on w.id = p.wallet_id
    group by p.wallet_id;
create temp table topup_journal as select uuid_v7() as journal, wallet, yen from topped;
insert into journal_entry (id, type, reference, created_at)
select journal, 'TOP_UP', 'history-' || wallet, now() - interval '366 days' from topup_journal;
insert into posting (id, journal_id, account_id, currency, amount_minor, created_at)
select uuid_v7(), journal, wallet, 'JPY', yen, now() - interval '366 days' from topup_journal
union all
select uuid_v7(), journal, :'clearing', 'JPY', -yen, now() - interval '366 days' from topup_journal;

-- as after a restore: visibility maps set and statistics fresh, so autovacuum does not run over the load during the bench
vacuum (analyze) wallet;
vacuum (analyze) ledger_account;
vacuum (analyze) payment;
vacuum (analyze) journal_entry;
vacuum (analyze) posting;
select (select count(*) from wallet) as wallets, (select count(*) from payment) as payments,
       (select count(*) from posting) as postings;
