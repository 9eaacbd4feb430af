-- Acquirers, user-presented payment codes, acquiring payments (docs/acquiring.md) and the webhook
-- outbox (docs/webhooks.md).

-- An acquirer is settled like a merchant: payee_merchant_id is the merchant row settlement pays it through.
create table acquirer (
    id                 varchar(40)  primary key,
    name               varchar(100) not null,
    country            varchar(2)   not null,
    currency           varchar(3)   not null,
    bank_id            varchar(40)  not null references partner_bank (id),
    payout_account     varchar(34)  not null,
    code_patterns      text         not null,
    resolve_url        varchar(500),
    payee_merchant_id  uuid         not null unique references merchant (id),
    version            bigint       not null default 0,
    created_at         timestamptz  not null
);

-- One-time codes a till scans. Only a keyed hash of the code is stored.
create table payment_code (
    code_hash   varchar(64)  primary key,
    wallet_id   uuid         not null references wallet (id),
    owner       varchar(100) not null,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz,
    -- Who used it (acquirer and its Idempotency-Key) and the quote made for it: a retry with the same key resumes.
    used_by     varchar(400),
    quote_id    uuid
);
create index payment_code_live_idx on payment_code (wallet_id, expires_at) where used_at is null;

-- A payment an acquirer took: the payment row (payment feature) plus who acquired it for which merchant.
create table acquiring_payment (
    payment_id          uuid         primary key references payment (id),
    acquirer_id         varchar(40)  not null references acquirer (id),
    merchant_reference  varchar(64)  not null,
    merchant_name       varchar(100) not null,
    mcc                 varchar(4),
    city                varchar(60),
    country             varchar(2),
    code_hash           varchar(64)  references payment_code (code_hash),
    channel             varchar(20)  not null,
    cancelled_at        timestamptz,
    created_at          timestamptz  not null
);
create index acquiring_payment_acquirer_idx on acquiring_payment (acquirer_id, created_at desc);

-- A quote for a merchant code an acquirer resolved: the payment confirming it carries acquirer and merchant.
create table acquired_quote (
    quote_id            uuid         primary key references quote (id),
    acquirer_id         varchar(40)  not null references acquirer (id),
    network             varchar(20)  not null,
    merchant_reference  varchar(64)  not null,
    merchant_name       varchar(100) not null,
    mcc                 varchar(4),
    city                varchar(60),
    created_at          timestamptz  not null
);

-- ---------------------------------------------------------------- webhooks
create table webhook_subscription (
    id          uuid          primary key,
    owner       varchar(100)  not null,
    owner_role  varchar(20)   not null,
    -- Another subject whose events this owner receives (an acquirer's payee merchant id).
    alias       varchar(100),
    url         varchar(500)  not null,
    events      text          not null,
    secret      varchar(100)  not null,
    status      varchar(20)   not null,
    created_at  timestamptz   not null
);
create index webhook_subscription_owner_idx on webhook_subscription (owner) where status = 'ACTIVE';

-- The outbox: written in the transaction of the change it reports.
create table webhook_event (
    id           uuid          primary key,
    seq          bigserial     not null unique,
    type         varchar(60)   not null,
    resource_id  varchar(64)   not null,
    body         text          not null,
    created_at   timestamptz   not null
);

create table webhook_delivery (
    id               uuid          primary key,
    seq              bigint        not null,
    event_id         uuid          not null references webhook_event (id),
    subscription_id  uuid          not null references webhook_subscription (id),
    resource_id      varchar(64)   not null,
    status           varchar(20)   not null,
    attempts         int           not null default 0,
    next_attempt_at  timestamptz   not null,
    lease_until      timestamptz,
    last_status      int,
    last_error       varchar(500),
    created_at       timestamptz   not null,
    delivered_at     timestamptz,
    unique (event_id, subscription_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at, seq) where status = 'PENDING';
create index webhook_delivery_order_idx on webhook_delivery (subscription_id, resource_id, seq) where status = 'PENDING';
create index webhook_delivery_subscription_idx on webhook_delivery (subscription_id, seq desc);
