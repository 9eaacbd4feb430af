package com.kakehashi.bank.sandbox;

import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.SettlementFixtures.aMerchantOf;
import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static com.kakehashi.support.SettlementFixtures.aZenginMerchantOf;
import static com.kakehashi.support.SettlementFixtures.aZenginOnlyBank;
import static com.kakehashi.support.SettlementFixtures.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.bank.sandbox.SandboxStatements.Fault;
import com.kakehashi.common.xml.XsdValidator;
import com.kakehashi.reconciliation.application.StatementPickUp;
import com.kakehashi.reconciliation.application.Statements;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11 "The sandbox bank closes the loop": a delivered pain.001 is booked by the sandbox bank, its camt.053
 * goes into the statement drop directory and through reconciliation's own intake; without faults the batch
 * ends RECONCILED, and each fault shows up as what reconciliation reports for it.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class SandboxBankLoopTest {
    @Inject
    StatementPickUp pickUp;

    @Inject
    Statements statements;

    @Inject
    TestClock clock;

    /** Wednesday 2026-11-25, 12:00 in Tokyo: a business day, so the file is executed the same day. */
    private static final Instant CUTOFF = Instant.parse("2026-11-25T03:00:00Z");

    @Test
    void aWellBehavedBankReconcilesTheBatchByItself() throws Exception {
        Loop none = loop(EnumSet.noneOf(Fault.class));
        assertThat(none.state()).isEqualTo("RECONCILED");
        assertThat(none.breaks()).isEmpty();
        assertThat(none.camt()).contains("2026-11-25");
    }

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {"SHORT_PAY", "DUPLICATE"})
    void eachFaultBecomesTheBreakAnOperatorChases(Fault fault) throws Exception {
        Loop loop = loop(EnumSet.of(fault));
        assertThat(loop.breaks()).containsKey(fault == Fault.SHORT_PAY ? "AMOUNT_MISMATCH" : "DUPLICATE");
        // A short payment leaves an instruction unmatched; a duplicate booking matches every instruction and
        // is chased as its own open break while the batch counts as reconciled.
        assertThat(loop.state()).isEqualTo(fault == Fault.SHORT_PAY ? "DELIVERED" : "RECONCILED");
    }

    @Test
    void aDroppedTransferLeavesTheBatchUnreconciled() throws Exception {
        Loop loop = loop(EnumSet.of(Fault.DROP)); // MISSING_AT_BANK follows once the grace period has passed
        assertThat(loop.state()).isEqualTo("DELIVERED");
        assertThat(loop.camt().split("<(\\w+:)?Ntry>", -1)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {"BATCH_BOOKING", "RETURN_AC04"})
    void batchBookingAndReturnsAreStatementsReconciliationTakesIn(Fault fault) throws Exception {
        Loop loop = loop(EnumSet.of(fault));
        assertThat(loop.camt()).contains(fault == Fault.BATCH_BOOKING ? "Btch>" : "AC04");
    }

    @Test
    void localTimesHaveNoOffsetAndStayValid() {
        String xml = "<Doc:CreDtTm>2026-11-25T14:00:00Z</Doc:CreDtTm>";
        assertThat(SandboxStatements.inLocalTime(xml, ZoneId.of("Asia/Tokyo")))
                .isEqualTo("<Doc:CreDtTm>2026-11-25T23:00:00</Doc:CreDtTm>");
    }

    record Loop(String state, Map<String, Long> breaks, String camt) {}

    @Test
    void aZenginBanksBatchIsReconciledByTheZenginStatementTheSandboxSendsBack() throws Exception {
        Loop loop = zenginLoop(EnumSet.noneOf(Fault.class));
        assertThat(loop.breaks()).isEmpty();
        assertThat(loop.state()).isEqualTo("RECONCILED");
        assertThat(loop.camt())
                .as("the statement's header: 種別コード 03, 作成日 and 勘定日 令和8年11月25日")
                .startsWith("1030081125081125081125");
    }

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {"DROP", "SHORT_PAY", "DUPLICATE", "RETURN_AC04"})
    void faultsAZenginStatementCanExpressShowUpInReconciliation(Fault fault) throws Exception {
        Loop loop = zenginLoop(EnumSet.of(fault));
        switch (fault) {
            // MISSING_AT_BANK follows once the grace period has passed
            case DROP -> assertThat(loop.breaks()).isEmpty();
            // No end-to-end id: the short line pairs with nothing, and its payout waits
            case SHORT_PAY -> assertThat(loop.breaks()).isEqualTo(Map.of("UNEXPECTED_AT_BANK", 1L));
            // The second booking and the returned money (the format has no return reason) are the deposits to chase
            default -> assertThat(loop.breaks()).isEqualTo(Map.of("UNEXPECTED_AT_BANK", 1L));
        }
        assertThat(loop.state())
                .isEqualTo(fault == Fault.DROP || fault == Fault.SHORT_PAY ? "DELIVERED" : "RECONCILED");
    }

    /** A Zengin-only bank's batch, booked by the sandbox into a 入出金取引明細 and dropped for reconciliation. */
    private Loop zenginLoop(Set<Fault> faults) throws Exception {
        clock.setTo(CUTOFF.minusSeconds(600));
        String bank = aZenginOnlyBank();
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 20_000);
        for (String merchant : List.of(aZenginMerchantOf(bank, "ﾔﾏﾀﾞｼﾖｳﾃﾝ"), aZenginMerchantOf(bank, "ｽｽﾞｷﾃﾞﾝｷ"))) {
            pay(
                            traveller,
                            quoteId(traveller, wallet, dynamicQr(merchant, "1100"), null),
                            UUID.randomUUID().toString())
                    .then()
                    .statusCode(201);
        }
        clock.setTo(CUTOFF.plusSeconds(60));
        String batchId = run(bank, CUTOFF).then().statusCode(201).extract().path("id");
        Path delivered;
        try (var files = Files.list(Path.of("target/test-settlement-outbox", bank))) {
            delivered = files.filter(f -> f.getFileName().toString().endsWith(".zengin.txt"))
                    .findFirst()
                    .orElseThrow();
        }
        byte[] statement = SandboxZenginStatements.statement(
                SandboxZenginStatements.read(Files.readAllBytes(delivered), java.time.LocalDate.of(2026, 11, 25)),
                faults);
        Path dropRoot = Files.createTempDirectory("statement-drop");
        Files.createDirectories(dropRoot.resolve(bank));
        Files.write(dropRoot.resolve(bank).resolve("sandbox-statement.zengin"), statement);
        List<Statements.Intake> intakes = pickUp.pickUp(dropRoot);
        assertThat(intakes).hasSize(1);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .pollDelay(java.time.Duration.ZERO)
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> statements.status(intakes.get(0).statementId()).done());
        assertThat(statements.status(intakes.get(0).statementId()).state()).isEqualTo("PROCESSED");

        String state = given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}", batchId)
                .then()
                .statusCode(200)
                .extract()
                .path("state");
        List<Map<String, Object>> breaks = given().header("Authorization", Tokens.operator())
                .queryParam("bankId", bank)
                .get("/v1/reconciliation/breaks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return new Loop(
                state,
                breaks.stream().collect(Collectors.groupingBy(b -> (String) b.get("outcome"), Collectors.counting())),
                new String(statement, java.nio.charset.Charset.forName("Shift_JIS")));
    }

    private Loop loop(Set<Fault> faults) throws Exception {
        clock.setTo(CUTOFF.minusSeconds(600));
        String bank = aSettlementBank("JPY");
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 20_000);
        for (String merchant : List.of(aMerchantOf(bank, "JPY"), aMerchantOf(bank, "JPY"))) {
            pay(
                            traveller,
                            quoteId(traveller, wallet, dynamicQr(merchant, "1100"), null),
                            UUID.randomUUID().toString())
                    .then()
                    .statusCode(201);
        }
        clock.setTo(CUTOFF.plusSeconds(60));
        String batchId = run(bank, CUTOFF).then().statusCode(201).extract().path("id");
        Path delivered;
        try (var files = Files.list(Path.of("target/test-settlement-outbox", bank))) {
            delivered = files.filter(f -> f.getFileName().toString().endsWith(".pain001.xml"))
                    .findFirst()
                    .orElseThrow();
        }

        String camt = SandboxStatements.camt053(
                SandboxStatements.read(Files.readAllBytes(delivered)), faults, ZoneId.of("Asia/Tokyo"));
        XsdValidator.validate("camt.053.001.08", camt.getBytes(StandardCharsets.UTF_8));
        Path dropRoot = Files.createTempDirectory("statement-drop");
        Files.createDirectories(dropRoot.resolve(bank));
        Files.writeString(dropRoot.resolve(bank).resolve("sandbox-statement.xml"), camt);
        List<Statements.Intake> intakes = pickUp.pickUp(dropRoot);
        assertThat(intakes).hasSize(1);
        // Reconciliation processes statements off the caller's thread (docs/reconciliation.md).
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .pollDelay(java.time.Duration.ZERO)
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> statements.status(intakes.get(0).statementId()).done());

        String state = given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}", batchId)
                .then()
                .statusCode(200)
                .extract()
                .path("state");
        List<Map<String, Object>> breaks = given().header("Authorization", Tokens.operator())
                .queryParam("bankId", bank)
                .get("/v1/reconciliation/breaks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return new Loop(
                state,
                breaks.stream().collect(Collectors.groupingBy(b -> (String) b.get("outcome"), Collectors.counting())),
                camt);
    }
}
