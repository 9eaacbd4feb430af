package com.kakehashi.bank.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.anApprovedAccountNumber;
import static com.kakehashi.support.Fixtures.linkBank;
import static com.kakehashi.support.Fixtures.openWallet;
import static com.kakehashi.support.Fixtures.topUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.bank.infra.FundingBankClient.DebitRequest;
import com.kakehashi.common.xml.XsdValidator;
import com.kakehashi.reconciliation.application.StatementPickUp;
import com.kakehashi.reconciliation.application.Statements;
import com.kakehashi.support.StatementUploads;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox funding bank states the top-up debits it approved: the debit request the service really sent is
 * booked in the sandbox's ledger, which writes the camt.053 into the statement drop directory, and reconciliation's
 * own intake takes it in. A run two or more days later (the grace period) then finds the top-up on the statement, not
 * MISSING_AT_BANK; a debit the bank did not state (what the sandbox did before) still is missing, which shows the
 * later run really looked.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class SandboxFundingBankTest {
    /**
     * Tuesday 2025-06-10, noon in Tokyo. In the past on purpose: the funding bank is shared by every test, and a
     * statement dated here leaves later-dated top-ups of other tests inside the grace period.
     */
    private static final Instant TOP_UPS = Instant.parse("2025-06-10T03:00:00Z");

    private static final LocalDate TOP_UP_DAY = LocalDate.of(2025, 6, 10);

    @Inject
    TestClock clock;

    @Inject
    PartnerBanks banks;

    @Inject
    StatementPickUp pickUp;

    @Test
    void topUpsTheSandboxApprovedAreOnItsStatementSoALaterRunDoesNotCallThemMissing(@TempDir Path root)
            throws Exception {
        clock.setTo(TOP_UPS);
        String traveller = aTravellerSubject();
        String wallet = openWallet(traveller);
        linkBank(traveller, wallet, anApprovedAccountNumber());
        String stated = completedTopUp(traveller, wallet, "8000");
        String notStated = completedTopUp(traveller, wallet, "3000");
        PartnerBank fundingBank = banks.byId(PartnerBanks.FUNDING_BANK_ID);
        Path drop = root.resolve("drop").resolve(fundingBank.id());

        // What SandboxFundingBank does when the sandbox approves the debit: book it on the day, then state it.
        SandboxFundingLedger ledger = new SandboxFundingLedger(root.resolve("ledger"));
        DebitRequest request = debitRequestSentFor(stated);
        ledger.book(TOP_UP_DAY, "JPY", SandboxFundingLedger.approved(request));
        ledger.book(TOP_UP_DAY, "JPY", SandboxFundingLedger.approved(request)); // the same request again: booked once
        List<Path> sent = ledger.state(drop, fundingBank.settlementAccount());
        assertThat(sent).singleElement();
        XsdValidator.validate("camt.053.001.08", Files.readAllBytes(sent.get(0)));
        assertThat(ledger.state(drop, fundingBank.settlementAccount()))
                .as("what is stated is not stated again")
                .isEmpty();
        processed(pickUp.pickUp(root.resolve("drop")));

        // Three days later the bank's next statement (nothing on it) moves the latest statement date past the grace.
        Files.writeString(
                drop.resolve("later.xml"),
                com.kakehashi.support.Statements.camt053(
                        "LATER-" + stated.substring(0, 8),
                        fundingBank.settlementAccount(),
                        "JPY",
                        TOP_UP_DAY.plusDays(3),
                        0,
                        0,
                        List.of()));
        processed(pickUp.pickUp(root.resolve("drop")));

        List<Map<String, Object>> topUpBreaks = given()
                .header("Authorization", Tokens.operator())
                .queryParam("bankId", fundingBank.id())
                .queryParam("kind", "TOP_UP_DEBIT")
                .queryParam("size", 500)
                .get("/v1/reconciliation/breaks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("$")
                .stream()
                .filter(b -> List.of(reference(stated), reference(notStated)).contains(b.get("endToEndId")))
                .toList();
        assertThat(topUpBreaks)
                .singleElement()
                .satisfies(b -> assertThat(b)
                        .containsEntry("outcome", "MISSING_AT_BANK")
                        .containsEntry("endToEndId", reference(notStated)));
    }

    private static String completedTopUp(String traveller, String wallet, String yen) {
        return topUp(traveller, wallet, yen, UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("status", equalTo("COMPLETED"))
                .extract()
                .path("id");
    }

    /** The debit request the service sent the funding bank for this top-up (recorded by the simulated bank). */
    private static DebitRequest debitRequestSentFor(String topUpId) {
        var sent = WireMockBank.server()
                .findAll(postRequestedFor(urlPathEqualTo("/bank/debits"))
                        .withRequestBody(matchingJsonPath(
                                "$.requestId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(topUpId))));
        assertThat(sent).isNotEmpty();
        JsonPath body = JsonPath.from(sent.get(0).getBodyAsString());
        return new DebitRequest(
                body.getString("requestId"),
                body.getString("bankCode"),
                body.getString("branchCode"),
                body.getString("accountType"),
                body.getString("accountNumber"),
                body.getString("holderName"),
                body.getString("amount"),
                body.getString("currency"));
    }

    private static String reference(String topUpId) {
        return topUpId.replace("-", "");
    }

    private void processed(List<Statements.Intake> intakes) {
        assertThat(intakes).singleElement();
        StatementUploads.finalStatus(intakes.get(0).statementId().toString(), Tokens.operator())
                .then()
                .body("state", equalTo("PROCESSED"));
    }
}
