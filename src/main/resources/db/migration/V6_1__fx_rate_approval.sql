-- Four-eyes FX rates (docs/fx.md, docs/adr/0005-four-eyes-fx-rates.md) and a refresh cursor that cannot skip.

-- The transaction that stored each rate. Instances follow new rates by transaction id against a snapshot
-- (pg_current_snapshot), not by "id > last seen id": a bigserial id is taken at insert, not at commit, so a
-- rate committed out of id order would otherwise never be seen by other instances.
alter table fx_rate add column stored_by_xact xid8 not null default pg_current_xact_id();
create index fx_rate_stored_by_xact on fx_rate (stored_by_xact);

-- A figure outside the plausibility band is not published: it waits here for a second operator.
create table fx_rate_pending (
    id                 uuid           primary key,
    base               varchar(3)     not null,
    quote              varchar(3)     not null,
    mid                numeric(30,12) not null check (mid > 0),
    bid                numeric(30,12)          check (bid > 0),
    ask                numeric(30,12)          check (ask > 0),
    source             varchar(64)    not null,
    valid_from         timestamptz    not null,
    received_at        timestamptz    not null,
    submitted_by       varchar(100)   not null,
    rate_in_force      numeric        not null check (rate_in_force > 0),
    deviation_bps      bigint         not null,
    band_bps           int            not null check (band_bps >= 0),
    status             varchar(20)    not null check (status in ('PENDING_APPROVAL', 'APPROVED', 'REJECTED')),
    decided_by         varchar(100),
    decided_at         timestamptz,
    reason             varchar(500),
    published_rate_id  bigint         references fx_rate (id),
    version            bigint         not null default 0,
    check (base <> quote),
    check ((status = 'PENDING_APPROVAL') = (decided_by is null)),
    check (status <> 'APPROVED' or published_rate_id is not null),
    -- Four eyes, asserted by the database as well as by the application: nobody approves their own figure.
    check (status <> 'APPROVED' or decided_by <> submitted_by)
);
create index fx_rate_pending_status on fx_rate_pending (status, received_at);
-- One held figure per source, pair and instant: a re-upload of the same file finds the item already held.
create unique index fx_rate_pending_once on fx_rate_pending (base, quote, source, valid_from)
    where status = 'PENDING_APPROVAL';

-- The audit trail of every held figure: held, approved or rejected, by whom, when and why. Append-only.
create table fx_rate_pending_event (
    id          bigserial    primary key,
    pending_id  uuid         not null references fx_rate_pending (id),
    status      varchar(20)  not null check (status in ('PENDING_APPROVAL', 'APPROVED', 'REJECTED')),
    actor       varchar(100) not null,
    at          timestamptz  not null,
    reason      varchar(500)
);
create index fx_rate_pending_event_item on fx_rate_pending_event (pending_id, id);
create trigger fx_rate_pending_event_append_only before update or delete on fx_rate_pending_event
    for each row execute function refuse_ledger_rewrite();
