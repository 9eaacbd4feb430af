package com.kakehashi.reconciliation;

import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.ReconciliationFixtures.anInstruction;
import static com.kakehashi.support.ReconciliationFixtures.breaks;
import static com.kakehashi.support.ReconciliationFixtures.openBreaks;
import static com.kakehashi.support.SettlementFixtures.aMerchantOf;
import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static com.kakehashi.support.StatementUploads.submitAndWait;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.reconciliation.application.Expectations;
import com.kakehashi.reconciliation.domain.ExpectedItem;
import com.kakehashi.reconciliation.domain.StatementEntry.Direction;
import com.kakehashi.support.ReconciliationFixtures;
import com.kakehashi.support.StatementUploads;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 items 2, 3, 6 and 10 as attacks on the statement intake: a line whose consequence throws, unreadable
 * lines, a failed statement sent again, a bank's next statement after a big one, twenty uploads at once
 * beside payments, a hostile statement reference in the CSV report, foreign currency, over-long and duplicate
 * fields, balances at the edge of a bigint.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class StatementIntakeTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    @Inject
    Expectations expectations;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    private static String csv(String ref, String currency, long opening, long closing, String... lines) {
        StringBuilder csv = new StringBuilder("statement,\"" + ref.replace("\"", "\"\"") + "\",ACC-1," + currency + ","
                + DAY.plusDays(3) + "," + opening + "," + closing + "\r\n");
        csv.append("seq,direction,amount,value_date,end_to_end_id,bank_reference,counterparty\r\n");
        for (String line : lines) {
            csv.append(line).append("\r\n");
        }
        return csv.toString();
    }

    @Test
    void aLineWhoseConsequenceFailsIsAnUnprocessableBreakAndTheBanksOtherLinesAndLaterStatementsGoOn() {
        String bank = aSettlementBank("JPY");
        // A top-up debit whose reference names no top-up: confirming it throws.
        ReconciliationFixtures.expect(
                expectations,
                new ExpectedItem(
                        UUID.randomUUID(),
                        bank,
                        ExpectedItem.Kind.TOP_UP_DEBIT,
                        "NOT-A-TOP-UP-" + bank,
                        null,
                        Direction.CRDT,
                        MinorAmount.of(500, "JPY"),
                        DAY,
                        null));
        anInstruction(expectations, bank, "E2E-OK-" + bank, 1000, DAY, "Akihabara Denki", null);

        submitAndWait(
                        bank,
                        "text/csv",
                        csv(
                                "S-1",
                                "JPY",
                                0,
                                -500,
                                "1,CRDT,500," + DAY + ",NOT-A-TOP-UP-" + bank + ",B1,",
                                "2,DBIT,1000," + DAY + ",E2E-OK-" + bank + ",B2,Akihabara Denki"))
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("entries", equalTo(2));
        List<Map<String, Object>> unprocessable = breaks(bank, "OPEN");
        assertThat(unprocessable).hasSize(1);
        assertThat(unprocessable.get(0))
                .containsEntry("outcome", "UNPROCESSABLE")
                .containsEntry("bankReference", "B1")
                .containsEntry("endToEndId", "NOT-A-TOP-UP-" + bank);
        assertThat((String) unprocessable.get(0).get("detail")).contains("consequence failed");

        submitAndWait(bank, "text/csv", csv("S-2", "JPY", -500, -1277, "1,DBIT,777," + DAY + ",,B3,SOMEONE"))
                .then()
                .body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(bank))
                .containsExactlyInAnyOrderEntriesOf(Map.of("UNPROCESSABLE", 1, "UNEXPECTED_AT_BANK", 1));
    }

    @Test
    void unreadableLinesAreBreaksOfTheirOwnAndTheRestOfTheFileIsRead() {
        String bank = aSettlementBank("JPY");
        anInstruction(expectations, bank, "E2E-GOOD-" + bank, 1200, DAY, "Shop", null);
        String tooLong = "E".repeat(65);
        submitAndWait(
                        bank,
                        "text/csv",
                        csv(
                                "S-1",
                                "JPY",
                                0,
                                -1200,
                                "1,DBIT,12.5," + DAY + ",,B1,Shop",
                                "2,DBIT,1200," + DAY + ",E2E-GOOD-" + bank + ",B2,Shop",
                                "3,DBIT,300," + DAY + "," + tooLong + ",B3,Shop",
                                "4,SIDEWAYS,300," + DAY + ",,B4,Shop"))
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("unprocessable", equalTo(3))
                .body("entries", equalTo(4));
        List<Map<String, Object>> open = breaks(bank, "OPEN");
        assertThat(open)
                .extracting(b -> b.get("outcome"))
                .containsOnly("UNPROCESSABLE")
                .hasSize(3);
        assertThat(open)
                .extracting(b -> (String) b.get("detail"))
                .anyMatch(d -> d.contains("not an exact JPY amount"))
                .anyMatch(d -> d.contains("longer than 64"))
                .anyMatch(d -> d.contains("SIDEWAYS"));
    }

    @Test
    void aStatementWhoseProcessingFailedIsNeverAlreadyReceivedAndIsProcessedWhenSentAgain() throws Exception {
        String bank = aSettlementBank("JPY");
        String yuan = csv("S-CNY", "CNY", 0, -10, "1,DBIT,0.10," + DAY + ",,B1,Shop");
        submitAndWait(bank, "text/csv", yuan)
                .then()
                .body("state", equalTo("FAILED"))
                .body("problemCode", equalTo("statement_currency_mismatch"))
                .body("problemDetail", containsString("CNY"));
        given().header("Authorization", Tokens.bearer(bank, "bank"))
                .contentType("text/csv")
                .body(yuan)
                .post("/v1/reconciliation/statements")
                .then()
                .statusCode(202)
                .body("alreadyReceived", equalTo(false));

        // A statement whose first processing failed (as when a line's handler broke the whole file before issue 9).
        anInstruction(expectations, bank, "E2E-RESENT-" + bank, 900, DAY, "Shop", null);
        String statement = csv("S-1", "JPY", 0, -900, "1,DBIT,900," + DAY + ",E2E-RESENT-" + bank + ",B1,Shop");
        String sha = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(statement.getBytes(StandardCharsets.UTF_8)));
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("""
                insert into statement_intake (id, bank_id, kind, charset, sha256, bytes, spool_path, state, problem_code,
                    received_by, received_at, updated_at) values (?, ?, 'CSV', 'UTF-8', ?, 1, '/nowhere', 'FAILED',
                    'internal', 'test', ?, ?)""")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, bank);
            s.setString(3, sha);
            s.setTimestamp(4, java.sql.Timestamp.from(clock.instant()));
            s.setTimestamp(5, java.sql.Timestamp.from(clock.instant()));
            s.executeUpdate();
        }
        Response resent = given().header("Authorization", Tokens.bearer(bank, "bank"))
                .contentType("text/csv")
                .body(statement)
                .post("/v1/reconciliation/statements");
        resent.then().statusCode(202).body("alreadyReceived", equalTo(false));
        StatementUploads.waitFor(resent, Tokens.bearer(bank, "bank")).then().body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(bank)).isEmpty();
        submitAndWait(bank, "text/csv", statement).then().statusCode(200).body("alreadyReceived", equalTo(true));
    }

    @Test
    void theBanksNextStatementTouchesOnlyItsOwnLinesAndTheOpenItems() throws Exception {
        String bank = aSettlementBank("JPY");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            anInstruction(expectations, bank, "BIG-" + i + "-" + bank, 100 + i, DAY, "M" + i, null);
            lines.add(i + ",DBIT," + (100 + i) + "," + DAY + ",BIG-" + i + "-" + bank + ",B" + i + ",M" + i);
        }
        long total =
                lines.stream().mapToLong(l -> Long.parseLong(l.split(",")[2])).sum();
        submitAndWait(bank, "text/csv", csv("BIG", "JPY", total, 0, lines.toArray(String[]::new)))
                .then()
                .body("state", equalTo("PROCESSED"));
        Map<String, Long> before = resultsByRun(bank);
        assertThat(before.values()).containsExactly(200L);

        anInstruction(expectations, bank, "NEXT-" + bank, 5000, DAY, "Next", null);
        submitAndWait(
                        bank,
                        "text/csv",
                        csv("SMALL", "JPY", 0, -5000, "1,DBIT,5000," + DAY + ",NEXT-" + bank + ",B1,Next"))
                .then()
                .body("state", equalTo("PROCESSED"));

        Map<String, Long> after = resultsByRun(bank);
        assertThat(after).containsAllEntriesOf(before).hasSize(2); // the first run's results untouched
        assertThat(after.values()).containsExactlyInAnyOrder(200L, 1L); // the second run touched one line
        assertThat(openBreaks(bank)).isEmpty();
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select count(*) from open_expected_item where bank_id = ?")) {
            s.setString(1, bank);
            var r = s.executeQuery();
            r.next();
            assertThat(r.getLong(1)).isZero();
        }
    }

    private Map<String, Long> resultsByRun(String bank) throws Exception {
        Map<String, Long> runs = new java.util.HashMap<>();
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "select run_id::text, count(*) from match_result where bank_id = ? group by run_id")) {
            s.setString(1, bank);
            var r = s.executeQuery();
            while (r.next()) {
                runs.put(r.getString(1), r.getLong(2));
            }
        }
        return runs;
    }

    @Test
    void twentyParallelUploadsLeavePaymentsWorking() throws Exception {
        String bank = aSettlementBank("JPY");
        String merchant = aMerchantOf(bank, "JPY");
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 20_000);
        List<String> quotes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            quotes.add(quoteId(traveller, wallet, dynamicQr(merchant, "100"), null));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            lines.add(i + ",DBIT,1," + DAY + ",,B" + i + ",X");
        }
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Future<Response>> uploads = new ArrayList<>();
            for (int u = 0; u < 20; u++) {
                String body = csv("PAR-" + u, "JPY", 100, 0, lines.toArray(String[]::new));
                uploads.add(pool.submit(() -> given().header("Authorization", Tokens.bearer(bank, "bank"))
                        .contentType("text/csv")
                        .body(body)
                        .post("/v1/reconciliation/statements")));
            }
            List<Future<Integer>> payments = new ArrayList<>();
            for (String quote : quotes) {
                payments.add(pool.submit(() ->
                        pay(traveller, quote, UUID.randomUUID().toString()).statusCode()));
            }
            for (Future<Integer> payment : payments) {
                assertThat(payment.get()).isEqualTo(201);
            }
            for (Future<Response> upload : uploads) {
                Response posted = upload.get();
                assertThat(posted.statusCode()).isEqualTo(202);
                StatementUploads.waitFor(posted, Tokens.bearer(bank, "bank"))
                        .then()
                        .body("state", equalTo("PROCESSED"));
            }
        } finally {
            pool.shutdownNow();
        }
        given().header("Authorization", Tokens.operator())
                .get("/v1/reconciliation/reports/banks/{id}", bank)
                .then()
                .statusCode(200)
                .body("lines.find { it.outcome == 'UNEXPECTED_AT_BANK' }.count", equalTo(2_000));
    }

    @Test
    void aHostileStatementReferenceNeitherShiftsColumnsNorBecomesAFormulaInTheCsvReport() throws Exception {
        String bank = aSettlementBank("JPY");
        String hostile = "X,=cmd|' /C calc'!A0";
        String id = submitAndWait(bank, "text/csv", csv(hostile, "JPY", 0, -5, "1,DBIT,5," + DAY + ",,B1,Y"))
                .then()
                .body("state", equalTo("PROCESSED"))
                .extract()
                .path("statementId");
        String report = given().header("Authorization", Tokens.operator())
                .accept("text/csv")
                .get("/v1/reconciliation/reports/statements/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<CSVRecord> records =
                CSVFormat.RFC4180.parse(new StringReader(report)).getRecords();
        assertThat(records).allSatisfy(r -> assertThat(r.size()).isEqualTo(4));
        assertThat(records.get(1).get(0)).isEqualTo("statement " + hostile);
        assertThat(records).allSatisfy(r -> r.forEach(cell -> assertThat(cell).doesNotStartWith("=")));
        String bankReport = given().header("Authorization", Tokens.operator())
                .accept("text/csv")
                .get("/v1/reconciliation/reports/banks/{id}", bank)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(CSVFormat.RFC4180.parse(new StringReader(bankReport)).getRecords())
                .allSatisfy(r -> assertThat(r.size()).isEqualTo(4));
    }

    @Test
    void reportsOfUnknownBanksAndBatchesAreNotFound() {
        given().header("Authorization", Tokens.operator())
                .get("/v1/reconciliation/reports/banks/{id}", "no-such-bank")
                .then()
                .statusCode(404)
                .body("code", equalTo("bank_not_found"));
        given().header("Authorization", Tokens.operator())
                .get("/v1/reconciliation/reports/batches/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("batch_not_found"));
        given().header("Authorization", Tokens.operator())
                .get("/v1/reconciliation/statements/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("statement_not_found"));
    }

    @Test
    void overLongAndDuplicateStatementFieldsAreProblemsNotErrors() {
        String bank = aSettlementBank("JPY");
        submitAndWait(bank, "text/csv", csv("R".repeat(71), "JPY", 0, 0))
                .then()
                .body("state", equalTo("FAILED"))
                .body("problemCode", equalTo("statement_invalid"))
                .body("problemDetail", containsString("70"));
        submitAndWait(bank, "text/csv", "statement,S,ACC,JPY," + DAY + ",0,0\nseq,direction,amount,AMOUNT,value_date\n")
                .then()
                .body("state", equalTo("FAILED"))
                .body("problemDetail", containsString("twice"));
        submitAndWait(bank, "text/csv", "statement,S,ACC,JPY,not-a-date,0,0\n")
                .then()
                .body("state", equalTo("FAILED"))
                .body("problemCode", equalTo("statement_invalid"));
    }

    @Test
    void balancesAtTheEdgeOfABigintAreCheckedWithoutOverflow() {
        String bank = aSettlementBank("JPY");
        submitAndWait(
                        bank,
                        "text/csv",
                        csv("EDGE-1", "JPY", Long.MAX_VALUE, Long.MAX_VALUE, "1,CRDT,1000," + DAY + ",,B1,X"))
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("balanced", equalTo(false));
        submitAndWait(
                        bank,
                        "text/csv",
                        csv(
                                "EDGE-2",
                                "JPY",
                                0,
                                0,
                                "1,CRDT,9000000000000000000," + DAY + ",,B1,X",
                                "2,CRDT,9000000000000000000," + DAY + ",,B2,X"))
                .then()
                .body("state", equalTo("FAILED"))
                .body("problemDetail", containsString("beyond"));
    }
}
