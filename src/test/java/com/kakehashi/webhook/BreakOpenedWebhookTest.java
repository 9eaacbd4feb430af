package com.kakehashi.webhook;

import static com.kakehashi.support.ReconciliationFixtures.openBreaks;
import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.support.StatementUploads;
import com.kakehashi.support.Statements;
import com.kakehashi.support.Statements.Line;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WebhookReceiver;
import com.kakehashi.support.WireMockBank;
import com.kakehashi.webhook.application.WebhookDispatcher;
import com.kakehashi.webhook.domain.WebhookSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An operator's endpoint hears of each new reconciliation break once, signed; a break seen again is not news. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class BreakOpenedWebhookTest {
    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    TestClock clock;

    private WebhookReceiver receiver;
    private String operator;
    private String subscriptionId;
    private String secret;

    @BeforeEach
    void anOperatorSubscribedToBreaks() {
        receiver = new WebhookReceiver();
        operator = Tokens.bearer("ops-" + UUID.randomUUID(), "operator");
        var answer = given().header("Authorization", operator)
                .contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "events", List.of("reconciliation.break_opened")))
                .post("/v1/webhooks")
                .then()
                .statusCode(201)
                .extract();
        subscriptionId = answer.path("id");
        secret = answer.path("secret");
    }

    @AfterEach
    void unsubscribe() {
        given().header("Authorization", operator)
                .delete("/v1/webhooks/{id}", subscriptionId)
                .then()
                .statusCode(204);
        receiver.close();
    }

    @Test
    void anUnexpectedEntryOpensABreakAndTheOperatorHearsOfItOnceSigned() {
        String bank = aSettlementBank("JPY");
        LocalDate day = clock.instant().atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();
        Line unexpected =
                new Line("DBIT", 777, day, "E2E-" + UUID.randomUUID().toString().substring(0, 8), "SOMEBODY ELSE");
        submit(bank, statement(bank, day, unexpected));
        assertThat(openBreaks(bank)).containsExactly(Map.entry("UNEXPECTED_AT_BANK", 1));
        String breakId = given().header("Authorization", Tokens.operator())
                .queryParam("bankId", bank)
                .get("/v1/reconciliation/breaks")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");

        List<WebhookReceiver.Received> ours = deliverAllFor(bank);

        assertThat(ours).hasSize(1);
        WebhookReceiver.Received got = ours.get(0);
        assertThat(got.eventType()).isEqualTo("reconciliation.break_opened");
        assertThat(WebhookSignature.verify(
                        secret, got.signature(), got.body(), clock.instant().getEpochSecond(), 300))
                .isTrue();
        JsonPath body = JsonPath.from(got.body());
        assertThat(body.getString("type")).isEqualTo("reconciliation.break_opened");
        assertThat(body.getString("data.breakId")).isEqualTo(breakId);
        assertThat(body.getString("data.outcome")).isEqualTo("UNEXPECTED_AT_BANK");
        assertThat(body.getString("data.statementRef")).isEqualTo("STMT-BO-1");
        assertThat(body.getString("data.endToEndId")).isEqualTo(unexpected.endToEndId());
        assertThat(body.getString("data.counterparty")).isEqualTo("SOMEBODY ELSE");
        assertThat(body.getString("data.amount.amount")).isEqualTo("777");
        assertThat(body.getString("data.amount.currency")).isEqualTo("JPY");
        assertThat(body.getInt("data.entry")).isEqualTo(1);
    }

    @Test
    void aBreakSeenAgainOnACorrectedStatementIsNotAnnouncedAgain() {
        String bank = aSettlementBank("JPY");
        LocalDate day = clock.instant().atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();
        Line unexpected =
                new Line("DBIT", 555, day, "E2E-" + UUID.randomUUID().toString().substring(0, 8), "SOMEBODY");
        submit(bank, statement(bank, day, unexpected));
        assertThat(deliverAllFor(bank)).hasSize(1);

        // the bank sends the same statement corrected (another counterparty spelling): the break is the same one
        submit(bank, statement(bank, day, new Line("DBIT", 555, day, unexpected.endToEndId(), "SOMEBODY LTD")));
        assertThat(openBreaks(bank)).containsExactly(Map.entry("UNEXPECTED_AT_BANK", 1));

        assertThat(deliverAllFor(bank)).hasSize(1);
    }

    private static String statement(String bank, LocalDate day, Line line) {
        long opening = 5_000_000;
        return Statements.camt053(
                "STMT-BO-1",
                "SETTLE-" + bank,
                "JPY",
                day,
                opening,
                opening + Statements.net(List.of(line)),
                List.of(line));
    }

    private static void submit(String bank, String camt) {
        StatementUploads.submitAndWait(bank, "application/xml", camt).then().body("state", equalTo("PROCESSED"));
    }

    /** Runs the worker until nothing is due for this subscription; returns what reached us about {@code bank}. */
    private List<WebhookReceiver.Received> deliverAllFor(String bank) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    dispatcher.runOnce();
                    clock.advance(Duration.ofSeconds(2));
                    return given().header("Authorization", operator)
                            .get("/v1/webhooks/{id}/deliveries", subscriptionId)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("findAll { it.status == 'PENDING' }")
                            .isEmpty();
                });
        return receiver.received().stream()
                .filter(r -> bank.equals(JsonPath.from(r.body()).getString("data.bankId")))
                .toList();
    }
}
