-- The FX feed pages by the keyset (stored_by_xact, id): a refresh with nothing new is one index probe (0.3 ms on
-- 1M rates, docs/benchmarks.md). V6_1 as it landed indexed stored_by_xact alone; the wider index replaces it here
-- (an earlier edit of V6_1 itself was reverted: landed migrations keep their bytes).
drop index if exists fx_rate_stored_by_xact;
create index fx_rate_stored_by_xact on fx_rate (stored_by_xact, id);
