-- The ledger self-check (ledger.application.LedgerSelfCheck) reads the journals created since its cursor every
-- minute; without this index that is a scan of every journal ever written.
create index journal_entry_created_at on journal_entry (created_at);
