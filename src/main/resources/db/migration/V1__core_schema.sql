-- Kakehashi core schema: partner banks, ledger, wallets, merchants, quotes, payments, refunds.
-- Amounts are exact: BIGINT minor units beside an ISO 4217 code. Append-only once landed.

create table partner_bank (
    id          varchar(40)  primary key,
    name        varchar(100) not null,
    country     varchar(2)      not null,
    currency    varchar(3)      not null,
    bic         varchar(11)  not null,
    time_zone   varchar(40)  not null,
    created_at  timestamptz  not null default now()
);

-- Partner banks are contractual reference data: adding one is a migration.
insert into partner_bank (id, name, country, currency, bic, time_zone) values
    ('jp-funding-bank',    'Kakehashi Funding Bank (Japan)',     'JP', 'JPY', 'KKHSJPJTXXX', 'Asia/Tokyo'),
    ('cn-settlement-bank', 'Kakehashi Settlement Bank (China)',  'CN', 'CNY', 'KKHSCNSHXXX', 'Asia/Shanghai');

-- ---------------------------------------------------------------- ledger
create table ledger_account (
    id          uuid         primary key,
    type        varchar(32)  not null,
    owner_ref   varchar(64)  not null,
    currency    varchar(3)      not null,
    created_at  timestamptz  not null default now(),
    unique (type, owner_ref, currency)
);

create table journal_entry (
    id          uuid         primary key,
    type        varchar(20)  not null,
    reference   varchar(64)  not null,
    created_at  timestamptz  not null
);
create index journal_entry_reference_idx on journal_entry (reference);

-- Sign convention: credit positive, debit negative; a journal sums to zero per currency.
create table posting (
    id            uuid        primary key,
    journal_id    uuid        not null references journal_entry (id),
    account_id    uuid        not null references ledger_account (id),
    currency      varchar(3)     not null,
    amount_minor  bigint      not null check (amount_minor <> 0),
    created_at    timestamptz not null
);
create index posting_account_idx on posting (account_id, created_at, id);
create index posting_journal_idx on posting (journal_id);

-- The database checks every journal balances per currency when its transaction commits.
create function assert_journal_balanced() returns trigger language plpgsql as $$
declare
    residue record;
begin
    select currency, sum(amount_minor) as total into residue
      from posting where journal_id = new.journal_id
     group by currency having sum(amount_minor) <> 0 limit 1;
    if found then
        raise exception 'journal % does not balance in %: residue %', new.journal_id, residue.currency, residue.total
            using errcode = 'check_violation';
    end if;
    return null;
end $$;

create constraint trigger posting_journal_balanced
    after insert on posting deferrable initially deferred
    for each row execute function assert_journal_balanced();

-- Ledger history is append-only.
create function refuse_ledger_rewrite() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end $$;

create trigger posting_append_only before update or delete on posting
    for each row execute function refuse_ledger_rewrite();
create trigger journal_entry_append_only before update or delete on journal_entry
    for each row execute function refuse_ledger_rewrite();

-- ---------------------------------------------------------------- wallets
create table wallet (
    id                        uuid         primary key,
    owner                     varchar(100) not null,
    currency                  varchar(3)      not null,
    status                    varchar(20)  not null,
    balance_minor             bigint       not null check (balance_minor >= 0),
    max_balance_minor         bigint       not null check (max_balance_minor > 0),
    per_payment_limit_minor   bigint       not null check (per_payment_limit_minor > 0),
    daily_limit_minor         bigint       not null check (daily_limit_minor > 0),
    spend_day                 date,
    spent_on_spend_day_minor  bigint       not null default 0 check (spent_on_spend_day_minor >= 0),
    version                   bigint       not null default 0,
    created_at                timestamptz  not null
);
create index wallet_owner_idx on wallet (owner);

create table bank_link (
    id              uuid         primary key,
    wallet_id       uuid         not null unique references wallet (id),
    funding_bank_id varchar(40)  not null references partner_bank (id),
    bank_code       varchar(4)      not null,
    branch_code     varchar(3)      not null,
    account_type    varchar(10)  not null,
    account_number  varchar(7)      not null,
    holder_name     varchar(60)  not null,
    created_at      timestamptz  not null
);

create table top_up (
    id              uuid         primary key,
    wallet_id       uuid         not null references wallet (id),
    bank_link_id    uuid         not null references bank_link (id),
    amount_minor    bigint       not null check (amount_minor > 0),
    currency        varchar(3)      not null,
    status          varchar(20)  not null,
    bank_reference  varchar(64),
    failure_reason  varchar(200),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);
create index top_up_wallet_idx on top_up (wallet_id, created_at);
create index top_up_pending_idx on top_up (created_at) where status = 'PENDING';

-- ---------------------------------------------------------------- merchants
create table merchant (
    id              uuid         primary key,
    name            varchar(25)  not null,
    city            varchar(15)  not null,
    country         varchar(2)      not null,
    currency        varchar(3)      not null,
    mcc             varchar(4)      not null,
    bank_id         varchar(40)  not null references partner_bank (id),
    payout_account  varchar(34)  not null,
    status          varchar(20)  not null,
    version         bigint       not null default 0,
    created_at      timestamptz  not null
);

-- ---------------------------------------------------------------- quotes and payments
create table quote (
    id               uuid          primary key,
    wallet_id        uuid          not null references wallet (id),
    owner            varchar(100)  not null,
    merchant_id      uuid          not null references merchant (id),
    price_minor      bigint        not null check (price_minor > 0),
    price_currency   varchar(3)       not null,
    charge_minor     bigint        not null check (charge_minor > 0),
    charge_currency  varchar(3)       not null,
    rate             numeric(24,12) not null check (rate > 0),
    spread           numeric(12,8)  not null check (spread >= 0),
    rate_source      varchar(40)   not null,
    expires_at       timestamptz   not null,
    used_at          timestamptz,
    created_at       timestamptz   not null
);

create table payment (
    id                     uuid          primary key,
    quote_id               uuid          not null unique references quote (id),
    wallet_id              uuid          not null references wallet (id),
    owner                  varchar(100)  not null,
    merchant_id            uuid          not null references merchant (id),
    price_minor            bigint        not null check (price_minor > 0),
    price_currency         varchar(3)       not null,
    charge_minor           bigint        not null check (charge_minor > 0),
    charge_currency        varchar(3)       not null,
    rate                   numeric(24,12) not null,
    refunded_price_minor   bigint        not null default 0,
    refunded_charge_minor  bigint        not null default 0,
    status                 varchar(24)   not null,
    captured_at            timestamptz   not null,
    version                bigint        not null default 0,
    check (refunded_price_minor between 0 and price_minor),
    check (refunded_charge_minor between 0 and charge_minor)
);
create index payment_merchant_idx on payment (merchant_id, captured_at desc, id);
create index payment_wallet_idx on payment (wallet_id, captured_at desc, id);

create table refund (
    id               uuid         primary key,
    payment_id       uuid         not null references payment (id),
    price_minor      bigint       not null check (price_minor > 0),
    price_currency   varchar(3)      not null,
    charge_minor     bigint       not null check (charge_minor >= 0),
    charge_currency  varchar(3)      not null,
    created_at       timestamptz  not null
);
create index refund_payment_idx on refund (payment_id);

-- ---------------------------------------------------------------- idempotency
-- One row per (caller, operation, key): the request's fingerprint and the answer given.
create table idempotency_record (
    caller           varchar(100) not null,
    operation        varchar(100) not null,
    idem_key         varchar(255) not null,
    request_hash     varchar(64)     not null,
    resource_id      varchar(64),
    response_status  int,
    response_body    text,
    created_at       timestamptz  not null,
    primary key (caller, operation, idem_key)
);
