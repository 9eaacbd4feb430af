-- The FX refresh query on 1,000,000 stored rates (docs/benchmarks.md, "FX refresh cursor").
-- psql -h 127.0.0.1 -U postgres -d kakehashi_h2_fx -f src/bench/sql/fx-rate-feed.sql
drop table if exists fx_rate_feed_bench;
create table fx_rate_feed_bench (id bigserial primary key, base varchar(3), quote varchar(3), mid numeric(30,12),
    source varchar(64), valid_from timestamptz, received_at timestamptz, stored_by_xact xid8 not null);
-- 10 rates per transaction id, transaction ids 0..100,000
insert into fx_rate_feed_bench (base, quote, mid, source, valid_from, received_at, stored_by_xact)
    select 'EUR', 'JPY', 160 + (g % 100) / 100.0, 'ECB', now() - (g || ' minutes')::interval, now(), (g / 10)::text::xid8
    from generate_series(1, 1000000) g;
create index on fx_rate_feed_bench (stored_by_xact, id);
analyze fx_rate_feed_bench;
-- the statement FxRateRepository.storedAfter sends, as the generic plan a pooled prepared statement ends up with
prepare feed(text, bigint, int) as select id, base, quote, mid, source, valid_from, received_at,
    cast(stored_by_xact as text) as xact from fx_rate_feed_bench
    where (stored_by_xact, id) > (cast($1 as xid8), $2) order by stored_by_xact, id limit $3;
set plan_cache_mode = force_generic_plan;
explain analyze execute feed('100001', 0, 10000); -- steady state: nothing new above the horizon
explain analyze execute feed('99901', 0, 10000);  -- a long transaction held the horizon back: ~1,000 rows again
explain analyze execute feed('0', 0, 10000);      -- start-up: the first of 100 pages
drop table fx_rate_feed_bench;
