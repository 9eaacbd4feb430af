package com.kakehashi.reconciliation;

import static com.kakehashi.support.CamtDocuments.document;
import static com.kakehashi.support.CamtDocuments.statement;
import static com.kakehashi.support.ReconciliationFixtures.anInstruction;
import static com.kakehashi.support.ReconciliationFixtures.breaks;
import static com.kakehashi.support.ReconciliationFixtures.openBreaks;
import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static com.kakehashi.support.StatementUploads.submitAndWait;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.reconciliation.application.Expectations;
import com.kakehashi.reconciliation.domain.ExpectedItem;
import com.kakehashi.reconciliation.domain.StatementEntry.Direction;
import com.kakehashi.settlement.domain.EndToEndIds;
import com.kakehashi.support.CamtDocuments.Entry;
import com.kakehashi.support.CamtDocuments.Tx;
import com.kakehashi.support.ReconciliationFixtures;
import com.kakehashi.support.ReturnedPayouts;
import com.kakehashi.support.StatementUploads;
import com.kakehashi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, "Statements in": statements as partner banks really send them, built by hand from the ISO 20022
 * XSD (support/CamtDocuments) and the banks' CSV exports.
 */
@QuarkusTest
class BankStatementVariantsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    @Inject
    Expectations expectations;

    @Inject
    ReturnedPayouts returnedPayouts;

    private static String camt(String bank, String ref, String creDtTm, List<Entry> entries) {
        return document(
                "MSG-" + ref,
                "2026-11-28T23:00:00+09:00",
                null,
                List.of(statement(ref, null, creDtTm, "SETTLE-" + bank, "JPY", "0", "0", DAY, entries)));
    }

    @Test
    void aLocalTimeCreationDateAndSeveralStatementsInOneDocumentAreRead() {
        String bank = aSettlementBank("JPY");
        anInstruction(expectations, bank, "A-" + bank, 1000, DAY, "Shop A", null);
        anInstruction(expectations, bank, "B-" + bank, 2000, DAY, "Shop B", null);
        String xml = document(
                "MSG-TWO",
                "2026-11-28T23:00:00",
                null,
                List.of(
                        statement(
                                "ST-1",
                                null,
                                "2026-11-28T23:00:00",
                                "SETTLE-" + bank,
                                "JPY",
                                "5000",
                                "4000",
                                DAY,
                                List.of(Entry.booked("1000", "DBIT", DAY, "BR-1")
                                        .tx(Tx.of("A-" + bank, null, "Shop A")))),
                        statement(
                                "ST-2",
                                null,
                                "2026-11-28T23:00:00.123",
                                "SETTLE-" + bank,
                                "JPY",
                                "4000",
                                "2000",
                                DAY,
                                List.of(Entry.booked("2000", "DBIT", DAY, "BR-2")
                                        .tx(Tx.of("B-" + bank, null, "Shop B"))))));
        submitAndWait(bank, "application/xml", xml)
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("statements", equalTo(2))
                .body("entries", equalTo(2))
                .body("balanced", equalTo(true));
        assertThat(openBreaks(bank)).isEmpty();
    }

    @Test
    void pagedStatementsAreReadPageByPageAndNotTakenForCorrections() {
        String bank = aSettlementBank("JPY");
        anInstruction(expectations, bank, "P1-" + bank, 1000, DAY, "Shop", null);
        anInstruction(expectations, bank, "P2-" + bank, 1500, DAY, "Shop", null);
        for (int page = 1; page <= 2; page++) {
            String e2e = "P" + page + "-" + bank;
            String amount = page == 1 ? "1000" : "1500";
            String xml = document(
                    "MSG-PAGE-" + page,
                    "2026-11-28T23:00:00Z",
                    page,
                    List.of(statement(
                            "ST-PAGED",
                            page,
                            "2026-11-28T23:00:00Z",
                            "SETTLE-" + bank,
                            "JPY",
                            "0",
                            "0",
                            DAY,
                            List.of(Entry.booked(amount, "DBIT", DAY, "BR-" + page)
                                    .tx(Tx.of(e2e, null, "Shop"))))));
            submitAndWait(bank, "application/xml", xml).then().body("state", equalTo("PROCESSED"));
        }
        assertThat(openBreaks(bank)).isEmpty();
    }

    @Test
    void pendingEntriesAreShownAndNotMatchedUntilBooked() {
        String bank = aSettlementBank("JPY");
        anInstruction(expectations, bank, "PD-" + bank, 3000, DAY, "Shop", null);
        String id = submitAndWait(
                        bank,
                        "application/xml",
                        camt(
                                bank,
                                "ST-PDNG",
                                "2026-11-26T09:00:00+09:00",
                                List.of(Entry.booked("3000", "DBIT", DAY, "BR-P")
                                        .status("PDNG")
                                        .tx(Tx.of("PD-" + bank, null, "Shop")))))
                .then()
                .body("state", equalTo("PROCESSED"))
                .extract()
                .path("statementId");
        given().header("Authorization", Tokens.operator())
                .get("/v1/reconciliation/reports/statements/{id}", id)
                .then()
                .body("lines[0].outcome", equalTo("PENDING"));
        assertThat(openBreaks(bank)).isEmpty();
        submitAndWait(
                        bank,
                        "application/xml",
                        camt(
                                bank,
                                "ST-BOOK",
                                "2026-11-28T09:00:00+09:00",
                                List.of(Entry.booked("3000", "DBIT", DAY, "BR-B")
                                        .tx(Tx.of("PD-" + bank, null, "Shop")))))
                .then()
                .body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(bank)).isEmpty();
    }

    @Test
    void aReversalCancelsTheEarlierBookingAndTheInstructionIsMissingAgain() {
        String bank = aSettlementBank("JPY");
        anInstruction(expectations, bank, "RV-" + bank, 4000, DAY, "Shop", null);
        submitAndWait(
                        bank,
                        "application/xml",
                        camt(
                                bank,
                                "ST-1",
                                "2026-11-25T20:00:00+09:00",
                                List.of(Entry.booked("4000", "DBIT", DAY, "BR-1")
                                        .tx(Tx.of("RV-" + bank, null, "Shop")))))
                .then()
                .body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(bank)).isEmpty();
        submitAndWait(
                        bank,
                        "application/xml",
                        camt(
                                bank,
                                "ST-2",
                                "2026-11-28T20:00:00+09:00",
                                List.of(Entry.booked("4000", "CRDT", DAY, "BR-2")
                                        .reversed()
                                        .tx(Tx.of("RV-" + bank, null, "Shop")))))
                .then()
                .body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(bank)).containsExactly(Map.entry("MISSING_AT_BANK", 1));
    }

    @Test
    void aBatchBookedEntryIsMatchedByTheEndToEndIdsOfItsTransactions() {
        String bank = aSettlementBank("JPY");
        UUID batch = UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            anInstruction(expectations, bank, "BT" + i + "-" + bank, 1000L * i, DAY, "Shop " + i, batch);
        }
        String pmtInf = EndToEndIds.messageId(batch);
        submitAndWait(
                        bank,
                        "application/xml",
                        camt(
                                bank,
                                "ST-BATCH",
                                "2026-11-28T20:00:00+09:00",
                                List.of(Entry.booked("6000", "DBIT", DAY, "BR-BATCH")
                                        .batch(pmtInf, pmtInf, 3)
                                        .tx(
                                                Tx.of("BT1-" + bank, "1000", "Shop 1"),
                                                Tx.of("BT2-" + bank, "2000", "Shop 2"),
                                                Tx.of("BT3-" + bank, "3001", "Shop 3")))))
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("entries", equalTo(3));
        List<Map<String, Object>> open = breaks(bank, "OPEN");
        assertThat(open).hasSize(1);
        Map<String, Object> mismatch = open.get(0);
        assertThat(mismatch)
                .containsEntry("outcome", "AMOUNT_MISMATCH")
                .containsEntry("endToEndId", "BT3-" + bank)
                .containsEntry("bankReference", "BR-BATCH")
                .containsEntry("statementRef", "ST-BATCH")
                .containsEntry("entry", 1)
                .containsEntry("batchId", batch.toString())
                .containsEntry("counterparty", "Shop 3");
        assertThat(mismatch.get("statementId")).isNotNull();
    }

    @Test
    void aBatchBookedWithoutItsTransactionsIsMatchedToTheBatchByPaymentInformationIdOrByTotalAndDate() {
        String bank = aSettlementBank("JPY");
        UUID byId = UUID.randomUUID();
        UUID byTotal = UUID.randomUUID();
        for (int i = 1; i <= 2; i++) {
            anInstruction(expectations, bank, "BI" + i + "-" + bank, 500L * i, DAY, "Shop " + i, byId);
            anInstruction(expectations, bank, "BTT" + i + "-" + bank, 700L * i, DAY, "Shop " + i, byTotal);
        }
        submitAndWait(
                        bank,
                        "application/xml",
                        camt(
                                bank,
                                "ST-BTCH",
                                "2026-11-28T20:00:00+09:00",
                                List.of(
                                        Entry.booked("1500", "DBIT", DAY, "BR-1")
                                                .batch(null, EndToEndIds.messageId(byId), 2),
                                        Entry.booked("2100", "DBIT", DAY, "BR-2")
                                                .batch("BANKS-OWN-ID", null, 2))))
                .then()
                .body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(bank)).isEmpty();
    }

    @Test
    void aReturnedPayoutIsABreakWithItsIsoReasonAndIsAnnouncedForSettlement() {
        String bank = aSettlementBank("JPY");
        UUID batch = UUID.randomUUID();
        anInstruction(expectations, bank, "RT-" + bank, 8000, DAY, "Closed Shop", batch);
        submitAndWait(
                        bank,
                        "application/xml",
                        camt(
                                bank,
                                "ST-1",
                                "2026-11-25T20:00:00+09:00",
                                List.of(
                                        Entry.booked("8000", "DBIT", DAY, "BR-OUT")
                                                .tx(Tx.of("RT-" + bank, null, "Closed Shop")),
                                        Entry.booked("8000", "CRDT", DAY.plusDays(1), "BR-BACK")
                                                .code("PMNT", "ICDT", "RRTN")
                                                .tx(new Tx("RT-" + bank, null, "Closed Shop", null, "AC04")))))
                .then()
                .body("state", equalTo("PROCESSED"));
        List<Map<String, Object>> open = breaks(bank, "OPEN");
        assertThat(open).hasSize(1);
        assertThat(open.get(0))
                .containsEntry("outcome", "RETURNED_BY_BANK")
                .containsEntry("detail", "AC04")
                .containsEntry("endToEndId", "RT-" + bank)
                .containsEntry("bankReference", "BR-BACK");
        assertThat(returnedPayouts.of(bank)).singleElement().satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo("AC04");
            assertThat(r.batchId()).isEqualTo(batch);
            assertThat(r.amount()).isEqualTo(MinorAmount.of(8000, "JPY"));
        });
    }

    @Test
    void aChargeIsMatchedToTheConfiguredBankFeeOrFlagged() {
        String bank = aSettlementBank("JPY");
        ReconciliationFixtures.expect(
                expectations,
                new ExpectedItem(
                        UUID.randomUUID(),
                        bank,
                        ExpectedItem.Kind.FEE,
                        "FEE-" + bank,
                        UUID.randomUUID(),
                        Direction.DBIT,
                        MinorAmount.of(440, "JPY"),
                        DAY,
                        null));
        submitAndWait(
                        bank,
                        "application/xml",
                        camt(
                                bank,
                                "ST-CHRG",
                                "2026-11-28T20:00:00+09:00",
                                List.of(
                                        Entry.booked("440", "DBIT", DAY, "BR-FEE")
                                                .code("ACMT", "MDOP", "CHRG"),
                                        Entry.booked("110", "DBIT", DAY, "BR-ODD")
                                                .code("ACMT", "MDOP", "CHRG"))))
                .then()
                .body("state", equalTo("PROCESSED"));
        List<Map<String, Object>> open = breaks(bank, "OPEN");
        assertThat(open)
                .singleElement()
                .satisfies(b -> assertThat(b)
                        .containsEntry("outcome", "UNEXPECTED_CHARGE")
                        .containsEntry("bankReference", "BR-ODD"));
    }

    @Test
    void aShiftJisExportWithBomCrlfQuotedFieldsAndUpperCaseHeaderIsRead() throws Exception {
        String bank = aSettlementBank("JPY");
        anInstruction(expectations, bank, "SJ-" + bank, 12000, DAY, "秋葉原電気, 本店", null);
        String export = "\uFEFFstatement,SJIS-1,SETTLE-" + bank + ",JPY," + DAY + ",20000,8000\r\n"
                + "SEQ,Direction,AMOUNT,Value_Date,End_To_End_Id,Bank_Reference,Counterparty\r\n"
                + "1,DBIT,12000," + DAY + ",SJ-" + bank + ",BR-1,\"秋葉原電気, 本店\"\r\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(export.replace("\uFEFF", "").getBytes(Charset.forName("Shift_JIS")));
        byte[] body = bytes.toByteArray();
        String id = given().header("Authorization", Tokens.bearer(bank, "bank"))
                .contentType("text/csv; charset=Shift_JIS")
                .body(body)
                .post("/v1/reconciliation/statements")
                .then()
                .statusCode(202)
                .extract()
                .path("statementId");
        StatementUploads.finalStatus(id, Tokens.bearer(bank, "bank"))
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("entries", equalTo(1))
                .body("balanced", equalTo(true));
        assertThat(openBreaks(bank)).isEmpty();

        String utf8 = export.replace("SJIS-1", "UTF8-BOM").replace("SJ-" + bank, "NOT-EXPECTED");
        submitAndWait(bank, "text/csv; charset=UTF-8", utf8.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("unprocessable", equalTo(0));
        assertThat(breaks(bank, "OPEN"))
                .singleElement()
                .satisfies(b -> assertThat(b)
                        .containsEntry("counterparty", "秋葉原電気, 本店")
                        .containsEntry("outcome", "UNEXPECTED_AT_BANK"));
    }
}
