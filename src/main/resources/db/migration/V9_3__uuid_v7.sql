-- UUIDv7 (RFC 9562) in SQL for rows the hot path's single statement creates (postings): the Unix
-- milliseconds over the first 48 bits of a random UUID, version bits set to 7. PostgreSQL 18 has
-- uuidv7(); this is for the versions before it.
create function uuid_v7() returns uuid language sql volatile as $$
    select encode(
        set_bit(set_bit(
            overlay(uuid_send(gen_random_uuid())
                    placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
                    from 1 for 6),
            52, 1), 53, 1),
        'hex')::uuid
$$;
