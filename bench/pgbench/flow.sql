-- One quote + payment flow, exactly as the service sends it today (docs/benchmarks.md, "pgbench"):
-- quote: 1 transaction, 3 statements; payment: 1 transaction, 8 statements (postings as one batch).
\set w random(1, :wallets)
\set m random(1, :merchants)
\set amount random(100, 999)
BEGIN;
select id, owner, currency, status, balance_minor, max_balance_minor, per_payment_limit_minor, daily_limit_minor, spend_day, spent_on_spend_day_minor, version, created_at from wallet where id = md5('bench-wallet-' || :w)::uuid;
select m.id as mid, m.name, m.city, m.country, m.currency, m.mcc, m.bank_id, m.payout_account, m.status, m.version, m.created_at from merchant m where m.id = (select id from bench_merchant where n = :m) \gset
insert into quote (id, wallet_id, owner, merchant_id, price_minor, price_currency, charge_minor, charge_currency, rate, spread, mid_rate, spread_bps, fee_minor, rate_time, rate_path, rate_source, expires_at, used_at, created_at) values (gen_random_uuid(), md5('bench-wallet-' || :w)::uuid, 'bench-traveller-' || :w, cast(:mid as uuid), :amount, 'JPY', :amount, 'JPY', 1, 0, 1, 0, 0, now(), 'IDENTITY', 'IDENTITY', now() + interval '60 seconds', null, now()) returning id as qid \gset
COMMIT;
BEGIN;
insert into idempotency_record (caller, operation, idem_key, request_hash, created_at) values ('bench-traveller-' || :w, 'payment', gen_random_uuid()::text, md5(:qid), now()) on conflict do nothing returning idem_key as ikey \gset
select id, wallet_id, owner, merchant_id, price_minor, price_currency, charge_minor, charge_currency, rate, spread, mid_rate, spread_bps, fee_minor, rate_time, rate_path, rate_source, expires_at, used_at, created_at from quote where id = cast(:qid as uuid);
update quote set used_at = now() where id = cast(:qid as uuid) and used_at is null;
update wallet set balance_minor = balance_minor - :amount, spent_on_spend_day_minor = case when spend_day = current_date then spent_on_spend_day_minor + :amount else :amount end, spend_day = current_date, version = version + 1 where id = md5('bench-wallet-' || :w)::uuid and status = 'ACTIVE' and balance_minor >= :amount and :amount <= per_payment_limit_minor and (case when spend_day = current_date then spent_on_spend_day_minor else 0 end) + :amount <= daily_limit_minor;
insert into payment (id, quote_id, wallet_id, owner, merchant_id, price_minor, price_currency, charge_minor, charge_currency, rate, refunded_price_minor, refunded_charge_minor, status, captured_at, version, fee_minor) values (gen_random_uuid(), cast(:qid as uuid), md5('bench-wallet-' || :w)::uuid, 'bench-traveller-' || :w, cast(:mid as uuid), :amount, 'JPY', :amount, 'JPY', 1, 0, 0, 'CAPTURED', now(), 0, 0) returning id as pid \gset
insert into journal_entry (id, type, reference, created_at) values (gen_random_uuid(), 'PAYMENT', :pid, now()) returning id as jid \gset
insert into posting (id, journal_id, account_id, currency, amount_minor, created_at) values (gen_random_uuid(), cast(:jid as uuid), md5('bench-wallet-' || :w)::uuid, 'JPY', -(:amount::bigint), now()), (gen_random_uuid(), :jid, cast(:mid as uuid), 'JPY', :amount, now());
update idempotency_record set response_status = 201, resource_id = :pid where caller = 'bench-traveller-' || :w and operation = 'payment' and idem_key = :ikey;
COMMIT;
