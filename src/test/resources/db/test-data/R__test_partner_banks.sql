-- The partner banks the tests use, as the demo registers them (schema migrations seed no banks since V5_1).
-- Test profile only (%test.quarkus.flyway.locations); runs after every versioned migration.
insert into partner_bank (id, name, country, currency, bic, time_zone, settlement_account, cutoff_schedule,
                          file_formats, delivery_channel, delivery_target)
values ('jp-funding-bank', 'Kakehashi Funding Bank (Japan)', 'JP', 'JPY', 'KKHSJPJTXXX', 'Asia/Tokyo',
        'JP0001-001-7777777', '0 0 18 * * ?', 'CSV,PAIN001', 'DIRECTORY', 'jp-funding-bank'),
       ('cn-settlement-bank', 'Kakehashi Settlement Bank (China)', 'CN', 'CNY', 'KKHSCNSHXXX', 'Asia/Shanghai',
        'CN6222020200999999', '0 0 12 * * ?;0 0 22 * * ?', 'PAIN001', 'DIRECTORY', 'cn-settlement-bank')
on conflict (id) do nothing;
