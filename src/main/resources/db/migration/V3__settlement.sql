-- Settlement: the partner bank registry grows what settlement needs; batches, their items (one per merchant),
-- their files as delivered, and the history of their states.

alter table partner_bank
    add column settlement_account varchar(34),
    -- Quartz cron expressions in the bank's own time zone, ';'-separated: several cut-offs a day are allowed.
    add column cutoff_schedule    varchar(400) not null default '0 0 18 * * ?',
    add column file_formats       varchar(40)  not null default 'PAIN001',
    add column delivery_channel   varchar(16)  not null default 'DIRECTORY' check (delivery_channel in ('DIRECTORY', 'HTTPS')),
    add column delivery_target    varchar(300),
    -- Cut-offs before this instant are never settled (a bank joins at some point in time).
    add column settles_from       timestamptz  not null default now(),
    add column version            bigint       not null default 0;
-- A relative delivery target is a directory under kakehashi.settlement.outbox.
update partner_bank set settlement_account = 'JP0001-001-7777777', file_formats = 'CSV,PAIN001',
    delivery_target = 'jp-funding-bank' where id = 'jp-funding-bank';
update partner_bank set settlement_account = 'CN6222020200999999', cutoff_schedule = '0 0 12 * * ?;0 0 22 * * ?',
    delivery_target = 'cn-settlement-bank' where id = 'cn-settlement-bank';

create table settlement_batch (
    id                 uuid         primary key,
    bank_id            varchar(40)  not null references partner_bank (id),
    cutoff             timestamptz  not null,
    currency           varchar(3)   not null,
    state              varchar(20)  not null,
    failure_reason     text,
    payout_minor       bigint,
    fee_minor          bigint,
    fx_sold_minor      bigint,      -- yen sold to buy the payout currency (CNY banks)
    fx_bought_minor    bigint,      -- payout currency bought
    items_total        int,
    items_done         int          not null default 0,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0,
    -- One batch per bank and cut-off, whatever the number of instances or retries.
    unique (bank_id, cutoff)
);
create index settlement_batch_listing on settlement_batch (bank_id, cutoff desc);

-- Append-only history; settlement_batch.state points at the latest entry.
create table settlement_batch_event (
    id        bigserial    primary key,
    batch_id  uuid         not null references settlement_batch (id),
    state     varchar(20)  not null,
    detail    text,
    actor     varchar(100) not null,
    at        timestamptz  not null
);
create trigger settlement_batch_event_append_only before update or delete on settlement_batch_event
    for each row execute function refuse_ledger_rewrite();

-- Which batch holds which payment and refund: narrow rows written in one INSERT ... SELECT per window, rather
-- than an UPDATE of every wide payment row. The primary key makes "in at most one batch" a database fact.
-- No foreign keys here on purpose: a per-row check would double the cost of closing a million-payment window,
-- and rows are only ever written by that one statement, from payment rows, under the batch's row lock.
create table settlement_payment (
    payment_id   uuid    primary key,
    batch_id     uuid    not null,
    merchant_id  uuid    not null,
    price_minor  bigint  not null,
    yen_minor    bigint  not null,  -- charge without fee: what the wallet paid for the price
    carried      boolean not null default false  -- its merchant's net was not positive: the next batch takes it over
);
create index settlement_payment_batch on settlement_payment (batch_id, merchant_id);
create table settlement_refund (
    refund_id    uuid    primary key,
    batch_id     uuid    not null,
    merchant_id  uuid    not null,
    price_minor  bigint  not null,
    yen_minor    bigint  not null,  -- the refunded price at the payment's rate (what the FX position gave back)
    carried      boolean not null default false
);
create index settlement_refund_batch on settlement_refund (batch_id, merchant_id);
create index settlement_payment_carried on settlement_payment (batch_id) where carried;
create index settlement_refund_carried on settlement_refund (batch_id) where carried;
create index payment_capture_time on payment (captured_at);
create index refund_creation_time on refund (created_at);

create table settlement_item (
    batch_id        uuid         not null references settlement_batch (id),
    merchant_id     uuid         not null references merchant (id),
    merchant_name   varchar(25)  not null,
    payout_account  varchar(34)  not null,
    currency        varchar(3)   not null,
    payments        int          not null,
    refunds         int          not null,
    gross_minor     bigint       not null,
    refunds_minor   bigint       not null,
    fee_minor       bigint       not null,
    net_minor       bigint       not null,
    charge_minor    bigint       not null,  -- the yen the wallets paid for this net (FX cover)
    outcome         varchar(20)  not null check (outcome in ('PAYOUT', 'CARRIED_FORWARD')),
    end_to_end_id   varchar(35)  unique,
    primary key (batch_id, merchant_id),
    check (outcome <> 'PAYOUT' or net_minor > 0)
);

create table settlement_file (
    batch_id    uuid         not null references settlement_batch (id),
    format      varchar(10)  not null,
    file_name   varchar(100) not null,
    media_type  varchar(60)  not null,
    content     bytea        not null,
    sha256      varchar(64)  not null,
    created_at  timestamptz  not null,
    primary key (batch_id, format)
);

create table settlement_delivery (
    id            bigserial    primary key,
    batch_id      uuid         not null references settlement_batch (id),
    format        varchar(10)  not null,
    channel       varchar(16)  not null,
    target        varchar(300) not null,
    attempt       int          not null,
    outcome       varchar(20)  not null,
    detail        text,
    at            timestamptz  not null
);

-- The fee part of the yen a refund returned, so settlement can recover the original-rate conversion exactly.
alter table refund add column fee_returned_minor bigint not null default 0 check (fee_returned_minor >= 0);
