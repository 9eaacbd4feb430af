package com.kakehashi.reconciliation;

import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.SettlementFixtures.aMerchantOf;
import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static com.kakehashi.support.SettlementFixtures.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.support.Statements;
import com.kakehashi.support.Statements.Line;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Statements built from real settlement batches, altered one way at a time: each difference must come
 * out as exactly the right break, and nothing else.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class ReconciliationTest {
    @Inject
    TestClock clock;

    /** A delivered batch of a fresh bank: four merchants, four payout instructions. */
    record Settled(String bank, String batchId, List<Line> instructions, LocalDate valueDate) {}

    private Settled aDeliveredBatch() {
        String bank = aSettlementBank("JPY");
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 50_000);
        for (int i = 1; i <= 4; i++) {
            String merchant = aMerchantOf(bank, "JPY");
            pay(
                            traveller,
                            quoteId(traveller, wallet, dynamicQr(merchant, Integer.toString(1000 * i)), null),
                            UUID.randomUUID().toString())
                    .then()
                    .statusCode(201);
        }
        var cutoff = clock.instant();
        String batchId = run(bank, cutoff)
                .then()
                .statusCode(201)
                .body("state", equalTo("DELIVERED"))
                .extract()
                .path("id");
        var batch = given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}", batchId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // The bank books the payouts on the requested execution date (the next business day on or after the cut-off's).
        LocalDate valueDate = LocalDate.parse(batch.getString("executionDate"));
        assertThat(valueDate)
                .isAfterOrEqualTo(cutoff.atZone(ZoneId.of("Asia/Tokyo")).toLocalDate());
        List<Map<String, Object>> items = batch.getList("items");
        List<Line> lines = new ArrayList<>();
        for (Map<String, Object> item : items) {
            long net = Long.parseLong((String) ((Map<?, ?>) item.get("net")).get("amount"));
            lines.add(new Line(
                    "DBIT", net, valueDate, (String) item.get("endToEndId"), (String) item.get("merchantName")));
        }
        return new Settled(bank, batchId, lines, valueDate);
    }

    private static Response submit(String bank, String contentType, String body) {
        return com.kakehashi.support.StatementUploads.submitAndWait(bank, contentType, body);
    }

    /** The statement is dated three days after the value date, past the grace period for missing items. */
    private static String camt(Settled s, String ref, List<Line> lines) {
        long opening = 10_000_000;
        return Statements.camt053(
                ref,
                "SETTLE-" + s.bank(),
                "JPY",
                s.valueDate().plusDays(3),
                opening,
                opening + Statements.net(lines),
                lines);
    }

    private static Map<String, Integer> openBreaks(String bank) {
        List<Map<String, Object>> breaks = given().header("Authorization", Tokens.operator())
                .queryParam("bankId", bank)
                .queryParam("status", "OPEN")
                .get("/v1/reconciliation/breaks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        Map<String, Integer> byOutcome = new TreeMap<>();
        breaks.forEach(b -> byOutcome.merge((String) b.get("outcome"), 1, Integer::sum));
        return byOutcome;
    }

    private static String batchState(String batchId) {
        return given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}", batchId)
                .then()
                .extract()
                .path("state");
    }

    @Test
    void aStatementShowingEveryInstructionReconcilesTheBatchAndIsRecognisedWhenSentAgain() {
        Settled s = aDeliveredBatch();
        String statement = camt(s, "STMT-1", s.instructions());
        submit(s.bank(), "application/xml", statement)
                .then()
                .statusCode(200)
                .body("state", equalTo("PROCESSED"))
                .body("entries", equalTo(4))
                .body("balanced", equalTo(true))
                .body("format", equalTo("CAMT053"));
        assertThat(openBreaks(s.bank())).isEmpty();
        assertThat(batchState(s.batchId())).isEqualTo("RECONCILED");
        submit(s.bank(), "application/xml", statement).then().statusCode(200).body("alreadyReceived", equalTo(true));
        assertThat(openBreaks(s.bank())).isEmpty();
    }

    @Test
    void aDroppedEntryIsMissingAtTheBank() {
        Settled s = aDeliveredBatch();
        submit(s.bank(), "application/xml", camt(s, "STMT-1", s.instructions().subList(1, 4)))
                .then()
                .body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(s.bank())).containsExactly(Map.entry("MISSING_AT_BANK", 1));
        assertThat(batchState(s.batchId())).isEqualTo("DELIVERED");
    }

    @Test
    void anAmountOffByOneMinorUnitIsAnAmountMismatch() {
        Settled s = aDeliveredBatch();
        List<Line> lines = new ArrayList<>(s.instructions());
        Line first = lines.get(0);
        lines.set(
                0,
                new Line("DBIT", first.amountMinor() + 1, first.valueDate(), first.endToEndId(), first.counterparty()));
        submit(s.bank(), "application/xml", camt(s, "STMT-1", lines)).then().body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(s.bank())).containsExactly(Map.entry("AMOUNT_MISMATCH", 1));
        given().header("Authorization", Tokens.operator())
                .queryParam("bankId", s.bank())
                .get("/v1/reconciliation/breaks")
                .then()
                .body("[0].difference.amount", equalTo("1"))
                .body("[0].batchId", equalTo(s.batchId()));
    }

    @Test
    void anEntryExecutedTwiceIsADuplicate() {
        Settled s = aDeliveredBatch();
        List<Line> lines = new ArrayList<>(s.instructions());
        lines.add(lines.get(2));
        submit(s.bank(), "application/xml", camt(s, "STMT-1", lines)).then().body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(s.bank())).containsExactly(Map.entry("DUPLICATE", 1));
    }

    @Test
    void anEntryNeverInstructedIsUnexpected() {
        Settled s = aDeliveredBatch();
        List<Line> lines = new ArrayList<>(s.instructions());
        lines.add(new Line("DBIT", 777, s.valueDate(), null, "SOMEBODY ELSE"));
        submit(s.bank(), "application/xml", camt(s, "STMT-1", lines)).then().body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(s.bank())).containsExactly(Map.entry("UNEXPECTED_AT_BANK", 1));
        assertThat(batchState(s.batchId())).isEqualTo("RECONCILED");
    }

    @Test
    void orderAndSplittingIntoTwoStatementsChangeNothing() {
        Settled s = aDeliveredBatch();
        List<Line> shuffled = new ArrayList<>(s.instructions());
        Collections.reverse(shuffled);
        submit(s.bank(), "application/xml", camt(s, "STMT-A", shuffled.subList(0, 2)))
                .then()
                .body("state", equalTo("PROCESSED"));
        submit(s.bank(), "application/xml", camt(s, "STMT-B", shuffled.subList(2, 4)))
                .then()
                .body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(s.bank())).isEmpty();
        assertThat(batchState(s.batchId())).isEqualTo("RECONCILED");
    }

    @Test
    void anEntryWithoutItsEndToEndIdMatchesByAmountDateAndCounterparty() {
        Settled s = aDeliveredBatch();
        List<Line> lines = new ArrayList<>(s.instructions());
        Line first = lines.get(0);
        lines.set(0, new Line("DBIT", first.amountMinor(), first.valueDate(), null, first.counterparty()));
        submit(s.bank(), "application/xml", camt(s, "STMT-1", lines)).then().body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(s.bank())).isEmpty();
    }

    @Test
    void aCsvAndACamt053OfTheSameDayGiveTheSameResult() {
        Settled viaCamt = aDeliveredBatch();
        Settled viaCsv = aDeliveredBatch();
        List<Line> camtLines = new ArrayList<>(viaCamt.instructions().subList(1, 4));
        camtLines.add(new Line("DBIT", 555, viaCamt.valueDate(), null, "STRANGER"));
        List<Line> csvLines = new ArrayList<>(viaCsv.instructions().subList(1, 4));
        csvLines.add(new Line("DBIT", 555, viaCsv.valueDate(), null, "STRANGER"));
        submit(viaCamt.bank(), "application/xml", camt(viaCamt, "STMT-1", camtLines))
                .then()
                .body("state", equalTo("PROCESSED"));
        long opening = 10_000_000;
        submit(
                        viaCsv.bank(),
                        "text/csv",
                        Statements.csv(
                                "STMT-1",
                                "SETTLE-" + viaCsv.bank(),
                                "JPY",
                                viaCsv.valueDate().plusDays(3),
                                opening,
                                opening + Statements.net(csvLines),
                                csvLines))
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("format", equalTo("CSV"));
        assertThat(openBreaks(viaCsv.bank()))
                .isEqualTo(openBreaks(viaCamt.bank()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("MISSING_AT_BANK", 1, "UNEXPECTED_AT_BANK", 1));
    }

    @Test
    void aBreakIsAssignedResolvedAndReopenedWithAnAuditTrailAndResolvingCompletesTheBatch() {
        Settled s = aDeliveredBatch();
        submit(s.bank(), "application/xml", camt(s, "STMT-1", s.instructions().subList(1, 4)))
                .then()
                .body("state", equalTo("PROCESSED"));
        String breakId = given().header("Authorization", Tokens.operator())
                .queryParam("bankId", s.bank())
                .get("/v1/reconciliation/breaks")
                .then()
                .extract()
                .path("[0].id");
        String ops = Tokens.operator();
        given().header("Authorization", ops)
                .contentType("application/json")
                .body(Map.of("assignee", "hanako"))
                .post("/v1/reconciliation/breaks/{id}/assignment", breakId)
                .then()
                .statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("assignee", equalTo("hanako"));
        given().header("Authorization", ops)
                .contentType("application/json")
                .body(Map.of("reasonCode", "BANK_CORRECTED", "comment", "paid on the next day's statement"))
                .post("/v1/reconciliation/breaks/{id}/resolution", breakId)
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("reasonCode", equalTo("BANK_CORRECTED"));
        assertThat(batchState(s.batchId())).isEqualTo("RECONCILED");
        given().header("Authorization", ops)
                .contentType("application/json")
                .body(Map.of("comment", "not true after all"))
                .post("/v1/reconciliation/breaks/{id}/reopening", breakId)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"));
        List<String> actions = given().header("Authorization", ops)
                .get("/v1/reconciliation/breaks/{id}/history", breakId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("action");
        assertThat(actions).containsExactly("OPENED", "ASSIGNED", "RESOLVED", "REOPENED");
        given().header("Authorization", ops)
                .contentType("application/json")
                .body(Map.of("reasonCode", "NOT_A_REASON", "comment", "x"))
                .post("/v1/reconciliation/breaks/{id}/resolution", breakId)
                .then()
                .statusCode(400);
    }

    @Test
    void aStatementThatDoesNotAddUpIsFlaggedAndReportsCountByOutcome() {
        Settled s = aDeliveredBatch();
        String statement = Statements.camt053(
                "STMT-X", "SETTLE-" + s.bank(), "JPY", s.valueDate().plusDays(3), 0, 12345, s.instructions());
        String id = submit(s.bank(), "application/xml", statement)
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("balanced", equalTo(false))
                .extract()
                .path("statementId");
        given().header("Authorization", Tokens.operator())
                .get("/v1/reconciliation/reports/statements/{id}", id)
                .then()
                .statusCode(200)
                .body("balanced", equalTo(false))
                .body("lines[0].outcome", equalTo("MATCHED"))
                .body("lines[0].count", equalTo(4));
        String csv = given().header("Authorization", Tokens.operator())
                .accept("text/csv")
                .get("/v1/reconciliation/reports/batches/{id}", s.batchId())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv).startsWith("scope,outcome,count,amount_minor").contains(",MATCHED,4,10000");
    }

    @Test
    void hostileAndMalformedFilesAreRefusedAndChangeNothing() {
        Settled s = aDeliveredBatch();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">&e;</Document>";
        submit(s.bank(), "application/xml", xxe)
                .then()
                .body("state", equalTo("FAILED"))
                .body("problemCode", equalTo("statement_invalid"));
        String lol =
                "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><Document>&c;</Document>";
        submit(s.bank(), "application/xml", lol)
                .then()
                .body("state", equalTo("FAILED"))
                .body("problemCode", equalTo("statement_invalid"));
        String broken = camt(s, "STMT-1", s.instructions()).replace("<doc:Amt Ccy=\"JPY\">", "<doc:Amt Ccy=\"JPY\">x");
        submit(s.bank(), "application/xml", broken)
                .then()
                .body("state", equalTo("FAILED"))
                .body("problemDetail", org.hamcrest.Matchers.containsString("line"));
        submit(s.bank(), "text/csv", "statement,S,A,JPY,2026-01-01,0,0\nwrong header\n")
                .then()
                .body("state", equalTo("FAILED"))
                .body("problemDetail", org.hamcrest.Matchers.containsString("line 2"));
        assertThat(openBreaks(s.bank())).isEmpty();
        given().header("Authorization", Tokens.bearer("jp-funding-bank", "bank"))
                .contentType("text/csv")
                .body("x")
                .queryParam("bankId", s.bank())
                .post("/v1/reconciliation/statements")
                .then()
                .statusCode(403);
    }

    @Test
    void aCorrectedStatementSupersedesTheFirstAndItsBreakIsCleared() {
        Settled s = aDeliveredBatch();
        List<Line> wrong = new ArrayList<>(s.instructions());
        Line first = wrong.get(0);
        wrong.set(
                0,
                new Line("DBIT", first.amountMinor() + 1, first.valueDate(), first.endToEndId(), first.counterparty()));
        submit(s.bank(), "application/xml", camt(s, "STMT-1", wrong)).then().body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(s.bank())).containsExactly(Map.entry("AMOUNT_MISMATCH", 1));

        submit(s.bank(), "application/xml", camt(s, "STMT-1", s.instructions()))
                .then()
                .body("state", equalTo("PROCESSED"));

        assertThat(openBreaks(s.bank())).isEmpty();
        given().header("Authorization", Tokens.operator())
                .queryParam("bankId", s.bank())
                .get("/v1/reconciliation/breaks")
                .then()
                .body("[0].status", equalTo("RESOLVED"))
                .body("[0].reasonCode", equalTo("CLEARED"));
        assertThat(batchState(s.batchId())).isEqualTo("RECONCILED");
    }

    @Test
    void camt054NotificationsAreReadLikeStatements() {
        Settled s = aDeliveredBatch();
        String notification = Statements.camt054(
                "NTF-1",
                "SETTLE-" + s.bank(),
                "JPY",
                s.valueDate().plusDays(3),
                s.instructions().subList(0, 3));
        submit(s.bank(), "application/xml", notification)
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("format", equalTo("CAMT054"))
                .body("entries", equalTo(3))
                .body("balanced", equalTo(true));
        assertThat(openBreaks(s.bank())).containsExactly(Map.entry("MISSING_AT_BANK", 1));
        given().header("Authorization", Tokens.bearer(s.bank(), "bank"))
                .accept("text/csv")
                .get("/v1/reconciliation/reports/banks/{id}", s.bank())
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString(",MATCHED,3,"));
    }

    @Test
    void aChineseBanksStatementShowsTheFxCoverWhichMatchesByItsReference() {
        com.kakehashi.support.FxFixtures.aRateInForceNow("CNY", "JPY", "21.2469", clock.instant());
        String bank = aSettlementBank("CNY");
        String merchant = aMerchantOf(bank, "CNY");
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 20_000);
        pay(
                        traveller,
                        quoteId(traveller, wallet, dynamicQr(merchant, "128.50"), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201);
        var cutoff = clock.instant();
        String batchId = run(bank, cutoff).then().statusCode(201).extract().path("id");
        Map<String, Object> item = given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}", batchId)
                .then()
                .extract()
                .jsonPath()
                .getMap("items[0]");
        LocalDate valueDate = cutoff.atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();
        LocalDate bankDate = cutoff.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        String cover = "FXC"
                + com.kakehashi.settlement.domain.EndToEndIds.messageId(UUID.fromString(batchId))
                        .substring(3);
        List<Line> lines = List.of(
                new Line("CRDT", 12_850, bankDate, cover, null),
                new Line("DBIT", 12_850, bankDate, (String) item.get("endToEndId"), (String) item.get("merchantName")));
        submit(
                        bank,
                        "application/xml",
                        Statements.camt053("CN-1", "SETTLE-" + bank, "CNY", valueDate.plusDays(3), 0, 0, lines))
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("balanced", equalTo(true));
        assertThat(openBreaks(bank)).isEmpty();
        assertThat(batchState(batchId)).isEqualTo("RECONCILED");
    }

    @Test
    void aConfiguredBankFeeIsExpectedOncePerBatchAndMissingWhenNotCharged() {
        given().header("Authorization", Tokens.operator())
                .contentType("application/json")
                .body(com.kakehashi.support.SettlementFixtures.bankRequest(
                        "bank-feetest", "JPY", "DIRECTORY", "bank-feetest"))
                .post("/v1/banks")
                .then()
                .statusCode(201);
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 10_000);
        for (int i = 0; i < 2; i++) {
            pay(
                            traveller,
                            quoteId(traveller, wallet, dynamicQr(aMerchantOf("bank-feetest", "JPY"), "1000"), null),
                            UUID.randomUUID().toString())
                    .then()
                    .statusCode(201);
        }
        var cutoff = clock.instant();
        String batchId =
                run("bank-feetest", cutoff).then().statusCode(201).extract().path("id");
        List<Map<String, Object>> items = given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}", batchId)
                .then()
                .extract()
                .jsonPath()
                .getList("items");
        LocalDate valueDate = cutoff.atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();
        List<Line> lines = new ArrayList<>();
        items.forEach(item -> lines.add(
                new Line("DBIT", 1000, valueDate, (String) item.get("endToEndId"), (String) item.get("merchantName"))));
        Settled s = new Settled("bank-feetest", batchId, lines, valueDate);
        submit(s.bank(), "application/xml", camt(s, "FEE-1", lines)).then().body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(s.bank())).containsExactly(Map.entry("MISSING_AT_BANK", 1));
        given().header("Authorization", Tokens.operator())
                .queryParams("bankId", s.bank(), "kind", "FEE")
                .get("/v1/reconciliation/breaks")
                .then()
                .body("[0].amount.amount", equalTo("220"));

        List<Line> withFee = new ArrayList<>(lines);
        withFee.add(new Line(
                "DBIT",
                220,
                valueDate,
                "FEE"
                        + com.kakehashi.settlement.domain.EndToEndIds.messageId(UUID.fromString(batchId))
                                .substring(3),
                null));
        submit(s.bank(), "application/xml", camt(s, "FEE-1", withFee)).then().body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(s.bank())).isEmpty();
    }
}
