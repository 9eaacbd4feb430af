package com.kakehashi.settlement.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.bench.HeapSampler;
import com.kakehashi.settlement.application.SettlementRuns;
import com.kakehashi.settlement.domain.BatchState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Not a test (its name keeps it out of the suite): settles 1,000,000 captured payments across 1,000
 * merchants and prints wall time and peak heap. Run with a 256 MiB heap to prove the bound:
 *
 * <pre>
 * bin/ensure-postgres kakehashi_bench
 * KAKEHASHI_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/kakehashi_bench ./mvnw -Pbench verify \
 *     -Dtest=SettlementVolumeBench -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m
 * </pre>
 */
@QuarkusTest
class SettlementVolumeBench {
    static final int MERCHANTS = 1_000;
    static final int PAYMENTS = 1_000_000;

    @Inject
    SettlementRuns runs;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Test
    void settleAMillionPayments() throws Exception {
        String bank = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Instant cutoff = seed(bank);
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        HeapSampler sampler = HeapSampler.start();
        long started = System.nanoTime();
        var batch = runs.run(bank, cutoff, "bench").batch();
        Duration wall = Duration.ofNanos(System.nanoTime() - started);

        long peakHeap = sampler.stop();
        System.out.printf(
                "%nSETTLEMENT BENCH: %d payments, %d merchants: %d ms wall, peak heap %d MiB (max %d MiB), state %s, payout %d%n%n",
                PAYMENTS,
                MERCHANTS,
                wall.toMillis(),
                peakHeap >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                batch.state(),
                batch.payout());
        assertThat(batch.state()).isEqualTo(BatchState.DELIVERED);
        assertThat(batch.payout().amount()).isEqualTo(100L * PAYMENTS);
    }

    /** A bank, its merchants and their captured payments, written by the database itself. */
    private Instant seed(String bank) throws Exception {
        Instant cutoff = clock.instant();
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute(
                    "insert into partner_bank (id, name, country, currency, bic, time_zone, settlement_account, delivery_target,"
                            + " file_formats) values ('" + bank
                            + "', 'Bench', 'JP', 'JPY', 'BENCJPJTXXX', 'Asia/Tokyo', 'S-1', '" + bank
                            + "', 'CSV,PAIN001')");
            s.execute("insert into ledger_account (id, type, owner_ref, currency) values ('"
                    + com.kakehashi.ledger.domain.LedgerAccounts.bankClearing(bank, "JPY") + "', 'BANK_CLEARING', '"
                    + bank + "', 'JPY')");
            s.execute(
                    "insert into wallet (id, owner, currency, status, balance_minor, max_balance_minor, per_payment_limit_minor,"
                            + " daily_limit_minor, spend_day, spent_on_spend_day_minor, version, created_at)"
                            + " select gen_random_uuid(), 'bench', 'JPY', 'ACTIVE', 0, 1, 1, 1, current_date, 0, 0, now()");
            s.execute(
                    "insert into merchant (id, name, city, country, currency, mcc, bank_id, payout_account, status, created_at)"
                            + " select gen_random_uuid(), 'Bench ' || g, 'Tokyo', 'JP', 'JPY', '5812', '" + bank
                            + "', 'ACC' || g,"
                            + " 'ACTIVE', now() from generate_series(1, " + MERCHANTS + ") g");
            s.execute(
                    "insert into ledger_account (id, type, owner_ref, currency) select id, 'MERCHANT_PAYABLE', id::text, 'JPY'"
                            + " from merchant where bank_id = '" + bank + "'");
            s.execute(
                    "create temporary table bench_m as select id, row_number() over (order by id) - 1 as n from merchant"
                            + " where bank_id = '" + bank + "'");
            s.execute("insert into quote (id, wallet_id, owner, merchant_id, price_minor, price_currency, charge_minor,"
                    + " charge_currency, rate, spread, rate_source, expires_at, used_at, created_at, mid_rate, rate_time, rate_path)"
                    + " select gen_random_uuid(), (select id from wallet where owner = 'bench' limit 1), 'bench', m.id, 100, 'JPY',"
                    + " 100, 'JPY', 1, 0, 'IDENTITY', now(), now(), now(), 1, now(), 'IDENTITY'"
                    + " from generate_series(0, " + (PAYMENTS - 1) + ") g join bench_m m on m.n = g % " + MERCHANTS);
            s.execute("insert into payment (id, quote_id, wallet_id, owner, merchant_id, price_minor, price_currency,"
                    + " charge_minor, charge_currency, rate, status, captured_at)"
                    + " select gen_random_uuid(), q.id, q.wallet_id, q.owner, q.merchant_id, 100, 'JPY', 100, 'JPY', 1,"
                    + " 'CAPTURED', timestamptz '" + cutoff.minusSeconds(60)
                    + "' from quote q join merchant m on m.id = q.merchant_id"
                    + " where m.bank_id = '" + bank + "'");
            s.execute("analyze payment");
        }
        return cutoff;
    }
}
