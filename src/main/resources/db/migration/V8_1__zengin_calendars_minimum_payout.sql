-- Partner banks as they really are (issue 11): Zengin files, business-day calendars, minimum payouts.

-- The account holder's name in half-width kana, as Zengin 総合振込 files carry it (merchants paid by Japanese banks).
alter table merchant add column payout_account_holder_kana varchar(30);
alter table settlement_item add column payout_account_holder_kana varchar(30);

alter table partner_bank
    -- A merchant whose net is under this (minor units of the bank's currency) is carried to the next batch.
    add column minimum_payout_minor   bigint      not null default 0 check (minimum_payout_minor >= 0),
    -- The business-day calendar the bank follows (a country code: JP, CN); null = the bank's country.
    add column calendar               varchar(10),
    -- Zengin 委託者コード (10 digits) and 委託者名 (half-width kana), given by the bank to the house.
    add column zengin_requester_code  varchar(10),
    add column zengin_requester_name  varchar(40);

-- The requested execution date of each batch (the bank's business day on or after the cut-off's date).
alter table settlement_batch add column execution_date date;

-- Business-day calendars, one row per closed or specially opened day; loaded from the shipped files at start
-- (source 'SHIPPED') and editable by operators (source 'OPERATOR', which a reload never overwrites).
create table business_calendar_day (
    calendar    varchar(10)  not null,
    day         date         not null,
    kind        varchar(10)  not null check (kind in ('CLOSED', 'OPEN')),
    name        varchar(100) not null,
    source      varchar(10)  not null check (source in ('SHIPPED', 'OPERATOR')),
    updated_at  timestamptz  not null,
    primary key (calendar, day)
);
