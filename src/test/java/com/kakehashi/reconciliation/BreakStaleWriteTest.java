package com.kakehashi.reconciliation;

import static com.kakehashi.support.ReconciliationFixtures.openBreaks;
import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.support.Concurrently;
import com.kakehashi.support.StatementUploads;
import com.kakehashi.support.Statements;
import com.kakehashi.support.Statements.Line;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A break changes only from the version it was read at. Two operators assigning the same break at once both
 * read one version; the test holds the break's row lock until both updates wait on it, so the second always
 * finds a newer version: one assignment wins, the other is a 409 problem that changed nothing.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class BreakStaleWriteTest {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @Test
    void anAssignmentBasedOnAStaleReadOfTheBreakIsRefusedAndChangesNothing() throws Exception {
        String bank = aSettlementBank("JPY");
        String breakId = anOpenBreakOf(bank);
        List<String> assignees = List.of("alice", "bob");

        List<Response> answers;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            lockBreak(holder, breakId);
            CompletableFuture<List<Response>> racing = CompletableFuture.supplyAsync(() -> {
                try {
                    return Concurrently.run(2, i -> assign(breakId, assignees.get(i)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> changesWaitingOnTheBreak() == 2);
            holder.commit();
            answers = racing.get();
        }

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
        Response stale =
                answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.<String>path("code")).isEqualTo("concurrent_modification");
        String winner = assignees.get(1 - answers.indexOf(stale));
        given().header("Authorization", Tokens.operator())
                .get("/v1/reconciliation/breaks/{id}", breakId)
                .then()
                .statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("assignee", equalTo(winner))
                .body("version", equalTo(1));
    }

    private String anOpenBreakOf(String bank) {
        LocalDate day = clock.instant().atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();
        Line unexpected =
                new Line("DBIT", 444, day, "E2E-" + UUID.randomUUID().toString().substring(0, 8), "SOMEBODY");
        long opening = 5_000_000;
        String camt = Statements.camt053(
                "STMT-SW-1",
                "SETTLE-" + bank,
                "JPY",
                day,
                opening,
                opening + Statements.net(List.of(unexpected)),
                List.of(unexpected));
        StatementUploads.submitAndWait(bank, "application/xml", camt).then().body("state", equalTo("PROCESSED"));
        assertThat(openBreaks(bank)).containsExactly(Map.entry("UNEXPECTED_AT_BANK", 1));
        return given().header("Authorization", Tokens.operator())
                .queryParam("bankId", bank)
                .get("/v1/reconciliation/breaks")
                .then()
                .statusCode(200)
                .body("[0].version", equalTo(0))
                .extract()
                .path("[0].id");
    }

    private static Response assign(String breakId, String assignee) {
        return given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("assignee", assignee))
                .post("/v1/reconciliation/breaks/{id}/assignment", breakId);
    }

    private static void lockBreak(Connection c, String breakId) throws Exception {
        try (PreparedStatement s = c.prepareStatement("select id from reconciliation_break where id = ? for update")) {
            s.setObject(1, UUID.fromString(breakId));
            s.executeQuery().close();
        }
    }

    private int changesWaitingOnTheBreak() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'
                  and query like 'update reconciliation_break set status%'""");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }
}
