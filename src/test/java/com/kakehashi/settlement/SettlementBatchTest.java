package com.kakehashi.settlement;

import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.Fixtures.refund;
import static com.kakehashi.support.SettlementFixtures.aMerchantOf;
import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static com.kakehashi.support.SettlementFixtures.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.kakehashi.common.xml.XsdValidator;
import com.kakehashi.ledger.domain.LedgerAccounts;
import com.kakehashi.settlement.application.SettledPayments;
import com.kakehashi.settlement.domain.EndToEndIds;
import com.kakehashi.settlement.domain.MerchantNetting;
import com.kakehashi.settlement.domain.SettlementTrail;
import com.kakehashi.support.LedgerChecks;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bank's window closes, nets per merchant, is written as pain.001 and CSV, delivered, and acknowledged. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class SettlementBatchTest {
    @Inject
    LedgerChecks ledger;

    @Inject
    TestClock clock;

    @Inject
    SettledPayments settledPayments;

    private String bank;
    private String traveller;
    private String walletId;

    @BeforeEach
    void aBankWithATravellerReadyToPay() {
        bank = aSettlementBank("JPY");
        traveller = aTravellerSubject();
        walletId = aWalletWithYen(traveller, 50_000);
    }

    @AfterEach
    void ledgerStaysConsistent() {
        ledger.everyJournalBalances();
    }

    private String paid(String merchant, String yen) {
        return pay(
                        traveller,
                        quoteId(traveller, walletId, dynamicQr(merchant, yen), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String operator() {
        return Tokens.operator();
    }

    @Test
    void aWindowIsNettedPerMerchantPaidOutAndLaterPaymentsWaitForTheNextOne() throws Exception {
        String shop = aMerchantOf(bank, "JPY");
        String cafe = aMerchantOf(bank, "JPY");
        paid(shop, "1000");
        paid(shop, "500");
        String cafePayment = paid(cafe, "300");
        refund(cafe, cafePayment, "300", "JPY", UUID.randomUUID().toString())
                .then()
                .statusCode(201);
        Instant cutoff = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        paid(shop, "200"); // captured after the cut-off: next window

        String batchId = run(bank, cutoff)
                .then()
                .statusCode(201)
                .body("state", equalTo("DELIVERED"))
                .body("totals.payout.amount", equalTo("1500"))
                .body("totals.fxCover", nullValue())
                .body("progress.done", equalTo(1))
                .body("progress.total", equalTo(1))
                .extract()
                .path("id");

        var batch = given().header("Authorization", operator())
                .get("/v1/settlement/batches/{id}", batchId)
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .extract()
                .jsonPath();
        Map<String, Object> shopItem = batch.getMap("items.find { it.merchantId == '" + shop + "' }");
        assertThat(shopItem).containsEntry("outcome", "PAYOUT").containsEntry("payments", 2);
        assertThat(((Map<?, ?>) shopItem.get("net")).get("amount")).isEqualTo("1500");
        assertThat(shopItem.get("endToEndId"))
                .isEqualTo(EndToEndIds.of(UUID.fromString(batchId), cutoff, UUID.fromString(shop)));
        Map<String, Object> cafeItem = batch.getMap("items.find { it.merchantId == '" + cafe + "' }");
        assertThat(cafeItem).containsEntry("outcome", "CARRIED_FORWARD").containsEntry("endToEndId", null);

        // The merchant payable gave the paid-out yen to the bank's clearing account; the later payment waits.
        assertThat(ledger.postingSum(shop)).isEqualTo(200);
        assertThat(ledger.postingSum(LedgerAccounts.bankClearing(bank, "JPY").toString()))
                .isEqualTo(1500);

        // The same bank and cut-off again: the same batch, nothing new.
        run(bank, cutoff).then().statusCode(200).body("id", equalTo(batchId));
        assertThat(ledger.postingSum(LedgerAccounts.bankClearing(bank, "JPY").toString()))
                .isEqualTo(1500);

        // The next window takes the later payment; the cafe's zero net is still carried.
        clock.advance(Duration.ofSeconds(1));
        run(bank, clock.instant()).then().statusCode(201).body("totals.payout.amount", equalTo("200"));
    }

    @Test
    void theFilesAreValidPain001AndCsvAsDeliveredToTheBanksDirectory() throws Exception {
        String shop = aMerchantOf(bank, "JPY");
        paid(shop, "1280");
        Instant cutoff = clock.instant();
        String batchId = run(bank, cutoff).then().statusCode(201).extract().path("id");

        byte[] pain001 = given().header("Authorization", operator())
                .get("/v1/settlement/batches/{id}/files/pain001", batchId)
                .then()
                .statusCode(200)
                .contentType("application/xml")
                .extract()
                .asByteArray();
        XsdValidator.validate("pain.001.001.09", pain001);
        String xml = new String(pain001, StandardCharsets.UTF_8).replace("doc:", ""); // Prowide writes a "doc" prefix
        assertThat(xml)
                .contains("<MsgId>" + EndToEndIds.messageId(UUID.fromString(batchId)) + "</MsgId>")
                .contains("<NbOfTxs>1</NbOfTxs>")
                .contains("<CtrlSum>1280</CtrlSum>")
                .contains("<EndToEndId>" + EndToEndIds.of(UUID.fromString(batchId), cutoff, UUID.fromString(shop))
                        + "</EndToEndId>")
                .contains("Ccy=\"JPY\">1280</InstdAmt>")
                .contains("<BICFI>TESTJPJTXXX</BICFI>");
        String csv = given().header("Authorization", operator())
                .get("/v1/settlement/batches/{id}/files/csv", batchId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains(shop).contains(",JPY,1280,1,0");

        try (var files = Files.list(Path.of("target/test-settlement-outbox", bank))) {
            var delivered = files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList();
            assertThat(delivered).hasSize(2);
            Path deliveredXml = delivered.stream()
                    .filter(f -> f.toString().endsWith(".pain001.xml"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readAllBytes(deliveredXml)).isEqualTo(pain001);
        }
    }

    @Test
    void aBankSeesItsOwnBatchesOnlyAndAcknowledgesThem() {
        paid(aMerchantOf(bank, "JPY"), "700");
        String batchId =
                run(bank, clock.instant()).then().statusCode(201).extract().path("id");
        String bankToken = Tokens.bearer(bank, "bank");

        given().header("Authorization", bankToken)
                .get("/v1/settlement/batches")
                .then()
                .statusCode(200)
                .body("bankId", org.hamcrest.Matchers.everyItem(equalTo(bank)));
        given().header("Authorization", Tokens.bearer("jp-funding-bank", "bank"))
                .get("/v1/settlement/batches/{id}", batchId)
                .then()
                .statusCode(404);
        given().header("Authorization", Tokens.bearer(traveller, "traveller"))
                .get("/v1/settlement/batches/{id}", batchId)
                .then()
                .statusCode(403);

        given().header("Authorization", bankToken)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "ACCEPTED"))
                .post("/v1/settlement/batches/{id}/acknowledgement", batchId)
                .then()
                .statusCode(200)
                .body("state", equalTo("ACKNOWLEDGED"));
        given().header("Authorization", bankToken)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "ACCEPTED"))
                .post("/v1/settlement/batches/{id}/acknowledgement", batchId)
                .then()
                .statusCode(200)
                .body("state", equalTo("ACKNOWLEDGED"));
        given().header("Authorization", operator())
                .post("/v1/settlement/batches/{id}/redeliver", batchId)
                .then()
                .statusCode(409)
                .body("code", equalTo("batch_state_conflict"));
    }

    @Test
    void aPain002RejectionFailsTheBatchAndARedeliveryDeliversItAgain() {
        paid(aMerchantOf(bank, "JPY"), "900");
        String batchId =
                run(bank, clock.instant()).then().statusCode(201).extract().path("id");
        String pain002 = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>ACK-1</MsgId><CreDtTm>2026-11-25T10:00:00Z</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts>
                      <OrgnlMsgId>%s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId><GrpSts>RJCT</GrpSts>
                      <StsRsnInf><Rsn><Cd>AC01</Cd></Rsn><AddtlInf>Debtor account closed</AddtlInf></StsRsnInf>
                    </OrgnlGrpInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """.formatted(EndToEndIds.messageId(UUID.fromString(batchId)));
        given().header("Authorization", Tokens.bearer(bank, "bank"))
                .contentType("application/xml")
                .body(pain002)
                .post("/v1/settlement/batches/{id}/acknowledgement", batchId)
                .then()
                .statusCode(200)
                .body("state", equalTo("FAILED"))
                .body("failureReason", equalTo("Debtor account closed"));
        given().header("Authorization", operator())
                .post("/v1/settlement/batches/{id}/redeliver", batchId)
                .then()
                .statusCode(200)
                .body("state", equalTo("DELIVERED"));
        given().header("Authorization", Tokens.bearer(bank, "bank"))
                .contentType("application/xml")
                .body(pain002.replace("<OrgnlMsgId>KKH", "<OrgnlMsgId>XXX"))
                .post("/v1/settlement/batches/{id}/acknowledgement", batchId)
                .then()
                .statusCode(400)
                .body("code", equalTo("acknowledgement_invalid"));
    }

    @Test
    void badRunsAreProblems() {
        run(bank, clock.instant().plusSeconds(3600)).then().statusCode(400).body("code", equalTo("invalid_request"));
        run("no-such-bank", clock.instant()).then().statusCode(404).body("code", equalTo("bank_not_found"));
        given().header("Authorization", operator())
                .get("/v1/settlement/batches/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("batch_not_found"));
        given().header("Authorization", operator())
                .get("/v1/settlement/batches?state=NOPE")
                .then()
                .statusCode(400);
    }

    @Test
    void refundsLargerThanTheWindowsSalesAreCarriedForwardAndNothingIsPaid() {
        String shop = aMerchantOf(bank, "JPY");
        String payment = paid(shop, "5000");
        run(bank, clock.instant()).then().statusCode(201).body("totals.payout.amount", equalTo("5000"));
        clock.advance(Duration.ofSeconds(1));
        paid(shop, "1000");
        refund(shop, payment, "4000", "JPY", UUID.randomUUID().toString())
                .then()
                .statusCode(201);
        clock.advance(Duration.ofSeconds(1));

        String second = run(bank, clock.instant())
                .then()
                .statusCode(201)
                .body("totals.payout.amount", equalTo("0"))
                .body("state", equalTo("DELIVERED"))
                .extract()
                .path("id");
        given().header("Authorization", operator())
                .get("/v1/settlement/batches/{id}", second)
                .then()
                .body("items[0].outcome", equalTo("CARRIED_FORWARD"))
                .body("items[0].net.amount", equalTo("-3000"));
        given().header("Authorization", operator())
                .get("/v1/settlement/batches/{id}/files/pain001", second)
                .then()
                .statusCode(404)
                .body("code", equalTo("file_not_found"));

        // Later sales absorb the carried refund: 1000 - 4000 + 3500 = 500 paid out.
        clock.advance(Duration.ofSeconds(1));
        paid(shop, "3500");
        clock.advance(Duration.ofSeconds(1));
        run(bank, clock.instant()).then().statusCode(201).body("totals.payout.amount", equalTo("500"));
        assertThat(ledger.postingSum(shop)).isZero();
    }

    @Test
    void aCarriedPaymentStaysInItsFirstBatchAndItsTrailShowsTheBatchThatPaidIt() {
        String shop = aMerchantOf(bank, "JPY");
        String earlier = paid(shop, "5000");
        run(bank, clock.instant()).then().statusCode(201).body("totals.payout.amount", equalTo("5000"));
        clock.advance(Duration.ofSeconds(1));
        String carriedPayment = paid(shop, "1000");
        refund(shop, earlier, "4000", "JPY", UUID.randomUUID().toString())
                .then()
                .statusCode(201);
        clock.advance(Duration.ofSeconds(1));
        String carrying = run(bank, clock.instant())
                .then()
                .statusCode(201)
                .body("totals.payout.amount", equalTo("0"))
                .extract()
                .path("id");
        clock.advance(Duration.ofSeconds(1));
        paid(shop, "3500");
        clock.advance(Duration.ofSeconds(1));
        String paying = run(bank, clock.instant())
                .then()
                .statusCode(201)
                .body("totals.payout.amount", equalTo("500"))
                .extract()
                .path("id");
        // The paying batch's item nets the carried item (1 payment, 1 refund) with the new payment.
        given().header("Authorization", operator())
                .get("/v1/settlement/batches/{id}", paying)
                .then()
                .body("items[0].outcome", equalTo("PAYOUT"))
                .body("items[0].payments", equalTo(2))
                .body("items[0].refunds", equalTo(1))
                .body("items[0].gross.amount", equalTo("4500"))
                .body("items[0].refunded.amount", equalTo("4000"));

        // The carrying batch still holds the payment and its carried item; the paying batch took the item over.
        given().header("Authorization", operator())
                .get("/v1/settlement/batches/{id}", carrying)
                .then()
                .body("items[0].outcome", equalTo("CARRIED_FORWARD"))
                .body("items[0].payments", equalTo(1))
                .body("items[0].net.amount", equalTo("-3000"));
        SettlementTrail trail =
                settledPayments.trail(UUID.fromString(carriedPayment)).orElseThrow();
        assertThat(trail.firstBatch()).isEqualTo(UUID.fromString(carrying));
        assertThat(trail.paidIn()).contains(UUID.fromString(paying));
        assertThat(trail.hops())
                .containsExactly(
                        new SettlementTrail.Hop(UUID.fromString(carrying), MerchantNetting.Outcome.CARRIED_FORWARD),
                        new SettlementTrail.Hop(UUID.fromString(paying), MerchantNetting.Outcome.PAYOUT));

        // A fourth window has nothing of the shop's left to take over: the item was taken over once.
        clock.advance(Duration.ofSeconds(1));
        String fourth = run(bank, clock.instant())
                .then()
                .statusCode(201)
                .body("totals.payout.amount", equalTo("0"))
                .extract()
                .path("id");
        given().header("Authorization", operator())
                .get("/v1/settlement/batches/{id}", fourth)
                .then()
                .body("items", hasSize(0));
        assertThat(ledger.postingSum(shop)).isZero();
    }
}
