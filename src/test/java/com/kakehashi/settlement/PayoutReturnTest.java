package com.kakehashi.settlement;

import static com.kakehashi.support.CamtDocuments.document;
import static com.kakehashi.support.CamtDocuments.statement;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.merchantToken;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.ReconciliationFixtures.breaks;
import static com.kakehashi.support.ReconciliationFixtures.openBreaks;
import static com.kakehashi.support.SettlementFixtures.aMerchantOf;
import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static com.kakehashi.support.SettlementFixtures.run;
import static com.kakehashi.support.StatementUploads.submitAndWait;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.ledger.application.Ledger;
import com.kakehashi.ledger.domain.JournalEntry;
import com.kakehashi.ledger.domain.JournalType;
import com.kakehashi.ledger.domain.LedgerAccounts;
import com.kakehashi.support.CamtDocuments.Entry;
import com.kakehashi.support.CamtDocuments.Tx;
import com.kakehashi.support.LedgerChecks;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WebhookReceiver;
import com.kakehashi.support.WireMockBank;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: a payout the merchant's bank sends back is taken back by settlement (RETURNED with the ISO reason, a
 * balanced journal to the merchant's payable, a settlement.returned webhook), once; and a delivered batch is expected
 * on its execution date, so a bank booking a holiday cut-off's payouts on the next business day matches without a break.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class PayoutReturnTest {
    /** Wednesday 2026-11-25, 12:00 in Tokyo: a business day. */
    private static final Instant CUTOFF = Instant.parse("2026-11-25T03:00:00Z");

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    /** Thursday 2026-12-31, 18:00 in Tokyo: the banks' year-end closure; executed Monday 2027-01-04. */
    private static final Instant YEAR_END_CUTOFF = Instant.parse("2026-12-31T09:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    Ledger ledger;

    @Inject
    LedgerChecks ledgerChecks;

    @Inject
    AgroalDataSource dataSource;

    private void clockAt(Instant at) {
        clock.setTo(at);
    }

    private record Paid(String bank, String merchant, String batchId, String endToEndId, long net) {}

    /** One merchant of a bank of its own, paid {@code yen} in the batch of {@code cutoff}. */
    private Paid aPaidOutMerchant(Instant cutoff, String yen) {
        clockAt(cutoff.minusSeconds(600));
        String bank = aSettlementBank("JPY");
        String merchant = aMerchantOf(bank, "JPY");
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 20_000);
        pay(
                        traveller,
                        quoteId(traveller, wallet, dynamicQr(merchant, yen), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201);
        clockAt(cutoff.plusSeconds(60));
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
                .extract();
        String endToEndId = batch.path("items[0].endToEndId");
        long net = Long.parseLong(batch.path("items[0].net.amount"));
        return new Paid(bank, merchant, batchId, endToEndId, net);
    }

    private static String returnStatement(Paid p, String creDtTm) {
        String net = Long.toString(p.net());
        return document(
                "MSG-RT-" + p.bank(),
                creDtTm,
                null,
                List.of(statement(
                        "ST-RT",
                        null,
                        creDtTm,
                        "SETTLE-" + p.bank(),
                        "JPY",
                        "0",
                        "0",
                        DAY,
                        List.of(
                                Entry.booked(net, "DBIT", DAY, "BR-OUT").tx(Tx.of(p.endToEndId(), null, "Shop")),
                                Entry.booked(net, "CRDT", DAY.plusDays(1), "BR-BACK")
                                        .code("PMNT", "ICDT", "RRTN")
                                        .tx(new Tx(p.endToEndId(), null, "Shop", null, "AC04"))))));
    }

    @Test
    void aReturnedPayoutGoesBackToTheMerchantsPayableOnceWithItsReasonAndAWebhook() {
        Paid p = aPaidOutMerchant(CUTOFF, "1100");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            given().header("Authorization", merchantToken(p.merchant()))
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "events", List.of("settlement.returned")))
                    .post("/v1/webhooks")
                    .then()
                    .statusCode(201);
            long payableAfterPayout = ledgerChecks.postingSum(p.merchant());
            long clearingAfterPayout = ledgerChecks.postingSum(
                    LedgerAccounts.bankClearing(p.bank(), "JPY").toString());

            String camt = returnStatement(p, "2026-11-26T20:00:00+09:00");
            submitAndWait(p.bank(), "application/xml", camt).then().body("state", equalTo("PROCESSED"));

            assertThat(payout(p)).containsExactly("RETURNED", "AC04");
            given().header("Authorization", Tokens.operator())
                    .get("/v1/settlement/batches/{id}", p.batchId())
                    .then()
                    .body("items[0].payoutStatus", equalTo("RETURNED"))
                    .body("items[0].returnReason", equalTo("AC04"));
            assertThat(ledgerChecks.postingSum(p.merchant()))
                    .as("the merchant is owed the payout again")
                    .isEqualTo(payableAfterPayout + p.net());
            assertThat(ledgerChecks.postingSum(
                            LedgerAccounts.bankClearing(p.bank(), "JPY").toString()))
                    .isEqualTo(clearingAfterPayout - p.net());
            List<JournalEntry> returns = ledger.journalsFor(p.endToEndId()).stream()
                    .filter(j -> j.type() == JournalType.SETTLEMENT_RETURN)
                    .toList();
            assertThat(returns).hasSize(1);
            assertThat(JournalEntry.imbalancePerCurrency(returns.get(0).postings()))
                    .isEmpty();
            ledgerChecks.everyJournalBalances();
            assertThat(webhookEvents(p.endToEndId()))
                    .singleElement()
                    .satisfies(body -> assertThat(body)
                            .contains("\"type\":\"settlement.returned\"")
                            .contains("\"reasonCode\":\"AC04\"")
                            .contains(p.merchant())
                            .contains(p.batchId()));
            assertThat(breaks(p.bank(), "OPEN"))
                    .singleElement()
                    .satisfies(b -> assertThat(b)
                            .containsEntry("outcome", "RETURNED_BY_BANK")
                            .containsEntry("detail", "AC04"));

            // The same statement again: recognised, nothing moves.
            submitAndWait(p.bank(), "application/xml", camt).then().body("alreadyReceived", equalTo(true));
            // A corrected statement (same reference, new bytes) announces the return again: still nothing moves twice.
            submitAndWait(p.bank(), "application/xml", returnStatement(p, "2026-11-26T21:00:00+09:00"))
                    .then()
                    .body("state", equalTo("PROCESSED"));
            assertThat(ledger.journalsFor(p.endToEndId()).stream()
                            .filter(j -> j.type() == JournalType.SETTLEMENT_RETURN))
                    .hasSize(1);
            assertThat(ledgerChecks.postingSum(p.merchant())).isEqualTo(payableAfterPayout + p.net());
            assertThat(webhookEvents(p.endToEndId())).hasSize(1);
            assertThat(payout(p)).containsExactly("RETURNED", "AC04");
        }
    }

    @Test
    void aYearEndCutOffIsExpectedOnItsExecutionDayAndTheBanksBookingThenMatchesWithoutABreak() {
        Paid p = aPaidOutMerchant(YEAR_END_CUTOFF, "1300");
        LocalDate executed = LocalDate.of(2027, 1, 4);
        given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}", p.batchId())
                .then()
                .body("executionDate", equalTo(executed.toString()));
        String merchantName = given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}", p.batchId())
                .then()
                .extract()
                .path("items[0].merchantName");

        // The bank's export names no end-to-end id: the line pairs with the payout by amount, value date and payee.
        String csv =
                "statement,YE-" + p.bank() + ",SETTLE-" + p.bank() + ",JPY," + executed + ",10000," + (10_000 - p.net())
                        + "\r\nseq,direction,amount,value_date,bank_reference,counterparty\r\n"
                        + "1,DBIT," + p.net() + "," + executed + ",BR-YE," + merchantName + "\r\n";
        submitAndWait(p.bank(), "text/csv", csv)
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("balanced", equalTo(true));

        assertThat(openBreaks(p.bank())).isEmpty();
        given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}", p.batchId())
                .then()
                .body("state", equalTo("RECONCILED"))
                .body("items[0].payoutStatus", equalTo("INSTRUCTED"));
    }

    /** settlement_item's payout state and return reason. */
    private List<String> payout(Paid p) {
        return rows(
                        "select payout_status, coalesce(return_reason, '') from settlement_item"
                                + " where batch_id = cast(? as uuid) and end_to_end_id = ?",
                        p.batchId(),
                        p.endToEndId())
                .get(0);
    }

    private List<String> webhookEvents(String endToEndId) {
        return rows("select body from webhook_event where type = 'settlement.returned' and resource_id = ?", endToEndId)
                .stream()
                .map(r -> r.get(0))
                .toList();
    }

    private List<List<String>> rows(String sql, String... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                List<List<String>> rows = new java.util.ArrayList<>();
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<String> row = new java.util.ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(r.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
