-- Closing a found item used to be an UPDATE of a wide row with seven indexes, never HOT because `open` sat in
-- two partial-index predicates: a million of them dominated the 1M-entry reconciliation. The open items are
-- now a narrow table of their own: found = deleted (no index writes), reopened = inserted again.
create table open_expected_item (
    id            uuid         primary key references expected_item (id),
    bank_id       varchar(40)  not null,
    kind          varchar(30)  not null,
    amount_minor  bigint       not null,
    value_date    date         not null
);
insert into open_expected_item (id, bank_id, kind, amount_minor, value_date)
    select id, bank_id, kind, amount_minor, value_date from expected_item where open;
alter table expected_item drop column open;  -- and with it the partial indexes on open items
drop index expected_item_amount;             -- amount matching reads the open items only
create index open_expected_item_by_date on open_expected_item (bank_id, value_date);
create index open_expected_item_by_amount on open_expected_item (bank_id, amount_minor, value_date);
-- No query looks statement lines up by end-to-end id (matching goes from the line to the expected item), and the
-- index cost a random-key insert per stored line.
drop index statement_entry_e2e;
