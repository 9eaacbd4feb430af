-- Reconciliation: what Kakehashi expects to see on each bank's statements, the statements received,
-- the outcome of matching per entry and per expected item, and the breaks finance works.

create table expected_item (
    id                   uuid         primary key,
    bank_id              varchar(40)  not null references partner_bank (id),
    kind                 varchar(30)  not null check (kind in ('SETTLEMENT_INSTRUCTION', 'TOP_UP_DEBIT', 'FX_COVER', 'FEE')),
    reference            varchar(64)  not null,   -- end-to-end id of an instruction, id of a top-up debit
    batch_id             uuid,                    -- the settlement batch an instruction belongs to
    direction            varchar(4)   not null check (direction in ('DBIT', 'CRDT')),  -- as the house's account sees it
    amount_minor         bigint       not null check (amount_minor > 0),
    currency             varchar(3)   not null,
    value_date           date         not null,
    counterparty         varchar(140),
    created_at           timestamptz  not null,
    unique (bank_id, kind, reference)
);
create index expected_item_batch on expected_item (batch_id) where batch_id is not null;
create index expected_item_amount on expected_item (bank_id, amount_minor, value_date);

create table bank_statement (
    id                 uuid         primary key,
    bank_id            varchar(40)  not null references partner_bank (id),
    account            varchar(70)  not null,
    statement_ref      varchar(70)  not null,   -- the bank's statement or notification id
    format             varchar(12)  not null,   -- CAMT053, CAMT054, CSV
    sha256             varchar(64)  not null,
    currency           varchar(3)   not null,
    opening_minor      bigint,
    closing_minor      bigint,
    entries_total_minor bigint      not null,   -- credits minus debits
    balanced           boolean      not null,   -- opening + entries = closing (true when the format has no balances)
    statement_date     date         not null,
    entry_count        int          not null,
    superseded         boolean      not null default false,  -- a corrected statement with the same reference replaced it
    received_by        varchar(100) not null,
    received_at        timestamptz  not null,
    -- The same statement sent twice is recognised, not processed twice.
    unique (bank_id, account, statement_ref, sha256)
);

create table statement_entry (
    -- Entries stream in (COPY) while the file is read and the statement row, with its totals, comes last in the
    -- same transaction. No foreign key: a per-row check would add seconds to a million-entry statement.
    statement_id     uuid         not null,
    seq              int          not null,
    direction        varchar(4)   not null check (direction in ('DBIT', 'CRDT')),
    amount_minor     bigint       not null check (amount_minor > 0),
    currency         varchar(3)   not null,
    value_date       date         not null,
    end_to_end_id    varchar(64),
    bank_reference   varchar(70),
    counterparty     varchar(140),
    primary key (statement_id, seq)
);
create index statement_entry_e2e on statement_entry (end_to_end_id) where end_to_end_id is not null;

-- The latest matching of a bank: recomputed from all its statements and expectations, so it converges.
create table match_result (
    bank_id            varchar(40)  not null,
    statement_id       uuid,
    seq                int,
    expected_item_id   uuid,
    outcome            varchar(20)  not null check (outcome in
                           ('MATCHED', 'AMOUNT_MISMATCH', 'MISSING_AT_BANK', 'UNEXPECTED_AT_BANK', 'DUPLICATE')),
    rule               varchar(30)  not null,  -- END_TO_END_ID, AMOUNT_DATE_COUNTERPARTY, NONE
    difference_minor   bigint       not null default 0,
    matched_at         timestamptz  not null
);
create index match_result_bank on match_result (bank_id);
create index match_result_expected on match_result (expected_item_id) where expected_item_id is not null;

create table reconciliation_break (
    id                 uuid         primary key,
    bank_id            varchar(40)  not null,
    break_key          varchar(200) not null unique,  -- outcome + expected item and/or entry: stable across re-runs
    outcome            varchar(20)  not null,
    expected_item_id   uuid,
    statement_id       uuid,
    seq                int,
    kind               varchar(30),
    batch_id           uuid,
    amount_minor       bigint,
    difference_minor   bigint       not null default 0,
    currency           varchar(3),
    value_date         date,
    status             varchar(12)  not null check (status in ('OPEN', 'ASSIGNED', 'RESOLVED')),
    assignee           varchar(100),
    reason_code        varchar(40),
    comment            text,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0
);
create index reconciliation_break_listing on reconciliation_break (bank_id, status, outcome);

create table reconciliation_break_event (
    id         bigserial    primary key,
    break_id   uuid         not null references reconciliation_break (id),
    action     varchar(20)  not null,   -- OPENED, ASSIGNED, RESOLVED, REOPENED, CLEARED
    actor      varchar(100) not null,
    detail     text,
    at         timestamptz  not null
);
create trigger reconciliation_break_event_append_only before update or delete on reconciliation_break_event
    for each row execute function refuse_ledger_rewrite();
