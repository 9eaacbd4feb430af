package com.kakehashi.settlement;

import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.SettlementFixtures.aMerchantOf;
import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kakehashi.ledger.domain.LedgerAccounts;
import com.kakehashi.settlement.application.SettlementRuns;
import com.kakehashi.settlement.application.SettlementStepProbe;
import com.kakehashi.settlement.domain.BatchState;
import com.kakehashi.support.CrashingStepProbe;
import com.kakehashi.support.LedgerChecks;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.WireMockBank;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A run that dies at any step is finished by the next run: same batch, same files, nothing twice, nothing lost. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class SettlementCrashTest {
    @Inject
    SettlementRuns runs;

    @Inject
    CrashingStepProbe crash;

    @Inject
    LedgerChecks ledger;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void disarm() {
        crash.disarm();
        ledger.everyJournalBalances();
    }

    private List<String> aWindowOfPayments(String bank, int count) {
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 100_000);
        List<String> merchants = List.of(aMerchantOf(bank, "JPY"), aMerchantOf(bank, "JPY"));
        List<String> payments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String merchant = merchants.get(i % 2);
            payments.add(pay(
                            traveller,
                            quoteId(traveller, wallet, dynamicQr(merchant, Integer.toString(100 + i)), null),
                            UUID.randomUUID().toString())
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        return payments;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                SettlementStepProbe.BEFORE_CLOSE,
                SettlementStepProbe.AFTER_CLOSE,
                SettlementStepProbe.MID_FILES,
                SettlementStepProbe.AFTER_FILES,
                SettlementStepProbe.AFTER_DELIVERY
            })
    void aCrashAtAnyStepIsFinishedByTheNextRunWithTheSameBatchAndFiles(String step) throws Exception {
        String bank = aSettlementBank("JPY");
        List<String> payments = aWindowOfPayments(bank, 6);
        Instant cutoff = clock.instant();

        crash.crashOnceAt(step);
        assertThatThrownBy(() -> runs.run(bank, cutoff, "test")).isInstanceOf(CrashingStepProbe.SimulatedCrash.class);
        SettlementRuns.Run resumed = runs.run(bank, cutoff, "test");

        assertThat(resumed.created()).isFalse();
        assertThat(resumed.batch().state()).isEqualTo(BatchState.DELIVERED);
        assertThat(resumed.batch().payout().amount()).isEqualTo(6 * 100 + 15);
        assertThat(count(
                        "select count(distinct batch_id) from settlement_payment where payment_id::text = any(?)",
                        payments))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from payment p where id::text = any(?) and not exists (select 1 from settlement_payment s where s.payment_id = p.id)",
                        payments))
                .isZero();
        assertThat(count("select count(*) from settlement_batch where bank_id = ?", bank))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from journal_entry where type = 'SETTLEMENT' and reference = ?",
                        resumed.batch().id().toString()))
                .isEqualTo(1);
        assertThat(ledger.postingSum(LedgerAccounts.bankClearing(bank, "JPY").toString()))
                .isEqualTo(615);
        try (var files = Files.list(Path.of("target/test-settlement-outbox", bank))) {
            assertThat(files.filter(f -> !f.getFileName().toString().startsWith("."))
                            .count())
                    .isEqualTo(2);
        }
        // A third run changes nothing.
        assertThat(runs.run(bank, cutoff, "test").batch())
                .usingRecursiveComparison()
                .isEqualTo(runs.batch(resumed.batch().id()));
    }

    @Test
    void filesAreTheSameBytesWhenWrittenAgain() throws Exception {
        String bank = aSettlementBank("JPY");
        aWindowOfPayments(bank, 2);
        Instant cutoff = clock.instant();
        crash.crashOnceAt(SettlementStepProbe.MID_FILES); // the first file was written in a transaction that rolls back
        assertThatThrownBy(() -> runs.run(bank, cutoff, "test")).isInstanceOf(CrashingStepProbe.SimulatedCrash.class);
        var batch = runs.run(bank, cutoff, "test").batch();
        String sha = (String)
                single("select sha256 from settlement_file where batch_id = ? and format = 'pain001'", batch.id());
        byte[] content = (byte[])
                single("select content from settlement_file where batch_id = ? and format = 'pain001'", batch.id());
        assertThat(sha)
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(content)));
        assertThat(com.kakehashi.settlement.infra.Pain001Writer.write(
                        new com.kakehashi.settlement.infra.PayoutInstruction(
                                batch.id(),
                                batch.cutoff(),
                                "TESTJPJTXXX",
                                "SETTLE-" + bank,
                                "JPY",
                                itemsOf(batch.id()),
                                batch.executionDate())))
                .isEqualTo(content);
    }

    @Test
    void concurrentRunsOfOneCutoffMakeOneBatch() throws Exception {
        String bank = aSettlementBank("JPY");
        List<String> payments = aWindowOfPayments(bank, 4);
        Instant cutoff = clock.instant();
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<UUID>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> runs.run(bank, cutoff, "instance").batch().id());
            }
            List<UUID> ids = new ArrayList<>();
            for (Future<UUID> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from settlement_batch where bank_id = ?", bank))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from payment p where id::text = any(?) and not exists (select 1 from settlement_payment s where s.payment_id = p.id)",
                        payments))
                .isZero();
        assertThat(count(
                        "select count(*) from journal_entry where type = 'SETTLEMENT' and reference in "
                                + "(select id::text from settlement_batch where bank_id = ?)",
                        bank))
                .isEqualTo(1);
    }

    @Inject
    com.kakehashi.settlement.application.SettlementQueries queries;

    private List<com.kakehashi.settlement.domain.SettlementItem> itemsOf(UUID batchId) {
        return queries.items(batchId).stream()
                .filter(i -> i.netting().outcome() == com.kakehashi.settlement.domain.MerchantNetting.Outcome.PAYOUT)
                .toList();
    }

    private long count(String sql, Object parameter) throws Exception {
        return ((Number) single(sql, parameter)).longValue();
    }

    private Object single(String sql, Object parameter) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(sql)) {
            if (parameter instanceof List<?> list) {
                s.setArray(1, c.createArrayOf("text", list.toArray()));
            } else {
                s.setObject(1, parameter);
            }
            try (var r = s.executeQuery()) {
                r.next();
                return r.getObject(1);
            }
        }
    }
}
