-- End-to-end matching went from each statement line to expected_item by reference and then asked whether the item
-- was still open: per 100,000-line window PostgreSQL hashed all the bank's open items (a million in the volume
-- benchmark) and scanned all its expected items. The open items now carry what that rule compares, so a line
-- finds its open item with one probe of this narrow table, and only lines that find none look at expected_item
-- (to tell a duplicate from an unknown reference).
alter table open_expected_item add column reference varchar(64), add column direction varchar(4);
update open_expected_item o set reference = x.reference, direction = x.direction
    from expected_item x where x.id = o.id;
alter table open_expected_item alter column reference set not null, alter column direction set not null;
create index open_expected_item_by_reference on open_expected_item (bank_id, reference);

-- Finding an item closes it in the same statement that records the match. A MISSING_AT_BANK result the find
-- clears is looked up from the few MISSING results of the bank, not by probing every match of the window.
create index match_result_missing on match_result (bank_id, expected_item_id) where outcome = 'MISSING_AT_BANK';
