package com.kakehashi.reconciliation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.bench.HeapSampler;
import com.kakehashi.reconciliation.application.Statements;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Not a test (its name keeps it out of the suite): reconciles a 1,000,000-entry camt.053 against a
 * million expected instructions and prints wall time and peak heap.
 *
 * <pre>
 * bin/ensure-postgres kakehashi_bench
 * KAKEHASHI_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/kakehashi_bench ./mvnw -Pbench verify \
 *     -Dtest=ReconciliationVolumeBench -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m
 * </pre>
 */
@QuarkusTest
class ReconciliationVolumeBench {
    static final int ENTRIES = 1_000_000;

    @Inject
    Statements statements;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void reconcileAMillionEntryStatement() throws Exception {
        String bank = "rbench-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.of(2026, 11, 25);
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute(
                    "insert into partner_bank (id, name, country, currency, bic, time_zone, settlement_account, delivery_target)"
                            + " values ('" + bank + "', 'Bench', 'JP', 'JPY', 'BENCJPJTXXX', 'Asia/Tokyo', 'S-1', '"
                            + bank + "')");
            s.execute(
                    "insert into expected_item (id, bank_id, kind, reference, direction, amount_minor, currency, value_date,"
                            + " counterparty, created_at) select gen_random_uuid(), '" + bank
                            + "', 'SETTLEMENT_INSTRUCTION', 'E' || g,"
                            + " 'DBIT', 100 + g % 1000, 'JPY', date '" + day + "', 'M' || g % 1000, now()"
                            + " from generate_series(1, " + ENTRIES + ") g");
            s.execute(
                    "insert into open_expected_item (id, bank_id, kind, reference, direction, amount_minor, value_date)"
                            + " select id, bank_id, kind, reference, direction, amount_minor, value_date from expected_item where bank_id = '"
                            + bank
                            + "'");
            s.execute("analyze expected_item");
            s.execute("analyze open_expected_item");
        }
        Path file = statements.spoolFile(Statements.Kind.XML);
        writeStatement(file, day);
        System.out.printf("%nstatement file: %d MiB%n", Files.size(file) >> 20);
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        HeapSampler sampler = HeapSampler.start();
        long started = System.nanoTime();
        Statements.Intake received =
                statements.receive(bank, Statements.Kind.XML, java.nio.charset.StandardCharsets.UTF_8, file, "bench");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> statements.status(received.statementId()).done());
        Statements.Intake done = statements.status(received.statementId());
        Duration wall = Duration.ofNanos(System.nanoTime() - started);

        long peakHeap = sampler.stop();
        long matched;
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var r = s.executeQuery(
                        "select count(*) from match_result where bank_id = '" + bank + "' and outcome = 'MATCHED'")) {
            r.next();
            matched = r.getLong(1);
        }
        System.out.printf(
                "%nRECONCILIATION BENCH: %d entries: %d ms wall, peak heap %d MiB (max %d MiB), %d matched, balanced %s%n%n",
                done.entries(),
                wall.toMillis(),
                peakHeap >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                matched,
                done.balanced());
        Files.deleteIfExists(file);
        assertThat(matched).isEqualTo(ENTRIES);

        // The bank's next statement: one line. Incremental matching: it costs what one line costs.
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute(
                    "insert into expected_item (id, bank_id, kind, reference, direction, amount_minor, currency, value_date,"
                            + " counterparty, created_at) values (gen_random_uuid(), '" + bank
                            + "', 'SETTLEMENT_INSTRUCTION', 'NEXT-1',"
                            + " 'DBIT', 4242, 'JPY', date '" + day + "', 'Next', now())");
            s.execute(
                    "insert into open_expected_item (id, bank_id, kind, reference, direction, amount_minor, value_date)"
                            + " select id, bank_id, kind, reference, direction, amount_minor, value_date from expected_item where bank_id = '"
                            + bank
                            + "' and reference = 'NEXT-1'");
        }
        Path next = statements.spoolFile(Statements.Kind.CSV);
        Files.writeString(
                next,
                "statement,BENCH-2,S-1,JPY," + day.plusDays(1) + ",0,-4242\n"
                        + "seq,direction,amount,value_date,end_to_end_id,bank_reference,counterparty\n1,DBIT,4242,"
                        + day + ",NEXT-1,B,Next\n");
        long nextStarted = System.nanoTime();
        Statements.Intake small =
                statements.receive(bank, Statements.Kind.CSV, java.nio.charset.StandardCharsets.UTF_8, next, "bench");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> statements.status(small.statementId()).done());
        System.out.printf(
                "%nRECONCILIATION BENCH: the bank's next 1-line statement: %d ms, %s%n%n",
                Duration.ofNanos(System.nanoTime() - nextStarted).toMillis(),
                statements.status(small.statementId()).state());
    }

    private static void writeStatement(Path file, LocalDate day) throws Exception {
        long total = 0;
        for (int g = 1; g <= ENTRIES; g++) {
            total += 100 + g % 1000;
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">"
                            + "<BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId><CreDtTm>" + day
                            + "T23:00:00Z</CreDtTm></GrpHdr><Stmt>"
                            + "<Id>BENCH-1</Id><CreDtTm>" + day
                            + "T23:00:00Z</CreDtTm><Acct><Id><Othr><Id>S-1</Id></Othr></Id>"
                            + "<Ccy>JPY</Ccy></Acct>"
                            + balance("OPBD", total, day) + balance("CLBD", 0, day) + "\n");
            for (int g = 1; g <= ENTRIES; g++) {
                out.write("<Ntry><Amt Ccy=\"JPY\">" + (100 + g % 1000)
                        + "</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
                        + "<ValDt><Dt>" + day
                        + "</Dt></ValDt><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>OTHR"
                        + "</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>E" + g
                        + "</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>\n");
            }
            out.write("</Stmt></BkToCstmrStmt></Document>\n");
        }
    }

    private static String balance(String code, long amount, LocalDate day) {
        return "<Bal><Tp><CdOrPrtry><Cd>" + code + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"JPY\">" + amount + "</Amt>"
                + "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>" + day + "</Dt></Dt></Bal>";
    }
}
