-- Partner banks are registered by operators (POST /v1/banks) or by the demo's data, never by a schema
-- migration (V1 seeded two demo banks into every database, production included).
-- Remove those two where it is safe: the row is still as seeded (version 0: no operator changed it),
-- nothing refers to it (no merchant, top-up, batch, statement ... through any foreign key) and no
-- posting was ever made on its clearing account. A database that used them keeps them unchanged.
do $$
declare
    bank_id text;
    fk record;
    used boolean;
begin
    foreach bank_id in array array['jp-funding-bank', 'cn-settlement-bank'] loop
        select not exists (select 1 from partner_bank where id = bank_id and version = 0) into used;
        for fk in
            select c.conrelid::regclass as tbl, a.attname as col
              from pg_constraint c
              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
             where c.contype = 'f' and c.confrelid = 'partner_bank'::regclass
        loop
            exit when used;
            execute format('select exists (select 1 from %s where %I = $1)', fk.tbl, fk.col) into used using bank_id;
        end loop;
        if not used then
            select exists (select 1 from posting p join ledger_account a on a.id = p.account_id
                            where a.type = 'BANK_CLEARING' and a.owner_ref = bank_id) into used;
        end if;
        if not used then
            delete from ledger_account where type = 'BANK_CLEARING' and owner_ref = bank_id;
            delete from partner_bank where id = bank_id;
        end if;
    end loop;
end
$$;
