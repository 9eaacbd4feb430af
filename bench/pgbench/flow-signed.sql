-- One quote + payment flow as the service sends it with signed quotes (ADR 0015, issue 14):
-- quote: 1 transaction of 2 reads and no write (the quote is an HMAC-signed token; its commit flushes no WAL);
-- payment: 1 transaction, 1 statement (claim, payment on conflict (quote_id), charge_wallet(), journal, postings,
-- as PaymentRepository.capture). One WAL flush per flow.
\set w random(1, :wallets)
\set m random(1, :merchants)
\set amount random(100, 999)
BEGIN;
select id, owner, currency, status, balance_minor, max_balance_minor, per_payment_limit_minor, daily_limit_minor, spend_day, spent_on_spend_day_minor, version, created_at from wallet where id = md5('bench-wallet-' || :w)::uuid;
select m.id as mid, m.name, m.city, m.country, m.currency, m.mcc, m.bank_id, m.payout_account, m.status, m.version, m.created_at from merchant m where m.id = (select id from bench_merchant where n = :m) \gset
COMMIT;
BEGIN;
with claim as (insert into idempotency_record (caller, operation, idem_key, request_hash, resource_id, response_status, created_at) values ('bench-traveller-' || :w, 'payment', gen_random_uuid()::text, md5(random()::text), gen_random_uuid()::text, 201, now()) on conflict do nothing returning 1), p as (insert into payment (id, quote_id, wallet_id, owner, merchant_id, price_minor, price_currency, charge_minor, charge_currency, rate, refunded_price_minor, refunded_charge_minor, status, captured_at, version, fee_minor) select uuid_v7(), uuid_v7(), md5('bench-wallet-' || :w)::uuid, 'bench-traveller-' || :w, cast(:mid as uuid), :amount, 'JPY', :amount, 'JPY', 1, 0, 0, 'CAPTURED', now(), 0, 0 where exists (select 1 from claim) on conflict (quote_id) do nothing returning id, wallet_id, charge_minor), w as (select p.id, charge_wallet(p.wallet_id, p.charge_minor, current_date) as ok from p), j as (insert into journal_entry (id, type, reference, created_at) select uuid_v7(), 'PAYMENT', w.id::text, now() from w where w.ok returning id), ps as (insert into posting (id, journal_id, account_id, currency, amount_minor, created_at) select uuid_v7(), j.id, l.account, l.currency, l.amount, now() from j, unnest(array[md5('bench-wallet-' || :w)::uuid, cast(:mid as uuid)], array['JPY', 'JPY'], array[-(:amount::bigint), :amount::bigint]) as l(account, currency, amount) returning 1) select (select count(*) from claim), (select count(*) from p), coalesce((select bool_or(ok) from w), false), (select count(*) from ps);
COMMIT;
