-- FX engine: the rate store (history, never overwritten) and the FX side of quotes, payments and refunds.

create table fx_rate (
    id           bigserial      primary key,
    base         varchar(3)     not null,
    quote        varchar(3)     not null,
    mid          numeric(30,12) not null check (mid > 0),
    bid          numeric(30,12)          check (bid > 0),
    ask          numeric(30,12)          check (ask > 0),
    source       varchar(64)    not null,
    valid_from   timestamptz    not null,
    received_at  timestamptz    not null,
    recorded_by  varchar(100)   not null,
    check (base <> quote),
    check (bid is null or bid <= mid),
    check (ask is null or ask >= mid),
    -- A source publishes one rate per pair and instant: a re-import is recognised, never doubled.
    unique (base, quote, source, valid_from)
);
create index fx_rate_pair_time on fx_rate (base, quote, valid_from desc);
create trigger fx_rate_append_only before update or delete on fx_rate
    for each row execute function refuse_ledger_rewrite();

-- Customer rates carry the spread's extra digits and cross rates the product of two legs: keep them
-- exact (unconstrained numeric) rather than let a fixed scale round them silently.
alter table quote alter column rate type numeric;
alter table payment alter column rate type numeric;
alter table quote
    add column mid_rate   numeric,
    add column spread_bps int          not null default 0 check (spread_bps >= 0),
    add column fee_minor  bigint       not null default 0 check (fee_minor >= 0),
    add column rate_time  timestamptz,
    add column rate_path  varchar(40);
update quote set mid_rate = rate, rate_time = created_at, rate_path = 'IDENTITY' where mid_rate is null;
alter table quote alter column mid_rate set not null, alter column rate_time set not null,
    alter column rate_path set not null;

-- How each refund was converted (the payment's locked rate, or the market rate under that policy) and
-- the yen difference booked to FX gain/loss.
alter table refund
    add column rate                 numeric,
    add column rate_policy          varchar(24) not null default 'ORIGINAL_RATE',
    add column fx_difference_minor  bigint      not null default 0;

-- The fixed fee included in a payment's charge (returned by the refund that completes the payment).
alter table payment add column fee_minor bigint not null default 0 check (fee_minor >= 0);
alter table payment add constraint payment_fee_within_charge check (fee_minor <= charge_minor);
