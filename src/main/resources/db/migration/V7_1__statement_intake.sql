-- Reconciliation, issue 9 items 2/3 and issue 11: statements are taken in (202) and processed off the request
-- thread, one bank at a time; matching is incremental (only open expected items and the new statement's entries
-- take part); an unprocessable line is a break of its own; entries carry what real banks send (status, reversal,
-- batch booking, returns, charges).

-- One uploaded or dropped file. States are rows in statement_intake_event; state here is the pointer to the current.
create table statement_intake (
    id              uuid         primary key,
    bank_id         varchar(40)  not null references partner_bank (id),
    kind            varchar(12)  not null check (kind in ('XML', 'CSV', 'ZENGIN')),
    charset         varchar(20)  not null,
    sha256          varchar(64)  not null,
    bytes           bigint       not null,
    spool_path      varchar(1000) not null,
    state           varchar(12)  not null check (state in ('RECEIVED', 'PROCESSING', 'PROCESSED', 'FAILED')),
    problem_code    varchar(60),
    problem_detail  text,
    statements      int          not null default 0,
    entries         int          not null default 0,
    unprocessable   int          not null default 0,
    balanced        boolean,
    format          varchar(12),
    received_by     varchar(100) not null,
    received_at     timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);
-- The same bytes from the same bank are processed once; a failed attempt does not count, so it can be resent.
create unique index statement_intake_once on statement_intake (bank_id, sha256) where state <> 'FAILED';
create index statement_intake_queue on statement_intake (bank_id, received_at) where state in ('RECEIVED', 'PROCESSING');

create table statement_intake_event (
    id         bigserial    primary key,
    intake_id  uuid         not null references statement_intake (id),
    state      varchar(12)  not null,
    detail     text,
    at         timestamptz  not null
);
create index statement_intake_event_intake on statement_intake_event (intake_id);
create trigger statement_intake_event_append_only before update or delete on statement_intake_event
    for each row execute function refuse_ledger_rewrite();

-- A file may hold several statements (camt: several Stmt) and a statement may come in pages (MsgPgntn/StmtPgntn).
alter table bank_statement add column intake_id uuid;
alter table bank_statement add column page int not null default 1;
alter table bank_statement add column processed boolean not null default true;
alter table bank_statement add column superseded_by uuid;
alter table bank_statement drop constraint bank_statement_bank_id_account_statement_ref_sha256_key;
create unique index bank_statement_once on bank_statement (bank_id, account, statement_ref, page, sha256);
create index bank_statement_intake on bank_statement (intake_id);
create index bank_statement_latest on bank_statement (bank_id, statement_date) where not superseded and processed;

-- What the bank said of an entry beyond its amount. entry_no: the Ntry (or line) it came from; a batch-booked
-- Ntry with n TxDtls gives n rows with the same entry_no.
alter table statement_entry add column entry_no int;
alter table statement_entry add column status varchar(4) not null default 'BOOK';
alter table statement_entry add column reversal boolean not null default false;
alter table statement_entry add column kind varchar(12) not null default 'SINGLE'
    check (kind in ('SINGLE', 'BATCH_ITEM', 'BATCH_TOTAL', 'CHARGE', 'RETURN'));
alter table statement_entry add column batch_ref varchar(35);
alter table statement_entry add column batch_count int;
alter table statement_entry add column return_reason varchar(35);

-- A line that could not be read (its reason), kept beside the entries: a break of its own, never a refused file.
create table statement_line_problem (
    statement_id  uuid         not null,
    seq           int          not null,
    reason        text         not null,
    primary key (statement_id, seq)
);

-- Only open expected items take part in matching: an item found on a statement is closed.
alter table expected_item add column open boolean not null default true;
create index expected_item_open on expected_item (bank_id, value_date) where open;
create index expected_item_open_amount on expected_item (bank_id, amount_minor, value_date) where open;
create index expected_item_reference on expected_item (bank_id, reference);

-- Results are kept per run (never recomputed from scratch); each run touches only its statement's entries.
alter table match_result add column run_id uuid;
alter table match_result add column detail text;
alter table match_result drop constraint match_result_outcome_check;
alter table match_result add constraint match_result_outcome_check check (outcome in
    ('MATCHED', 'AMOUNT_MISMATCH', 'MISSING_AT_BANK', 'UNEXPECTED_AT_BANK', 'DUPLICATE', 'UNPROCESSABLE', 'PENDING',
     'REVERSED', 'REVERSAL', 'RETURNED_BY_BANK', 'UNEXPECTED_CHARGE'));
create index match_result_run on match_result (run_id);
create index match_result_entry on match_result (statement_id, seq);

alter table reconciliation_break add column detail text;
create index reconciliation_break_statement on reconciliation_break (statement_id) where status <> 'RESOLVED';
