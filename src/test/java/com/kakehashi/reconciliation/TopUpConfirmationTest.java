package com.kakehashi.reconciliation;

import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.balanceOf;
import static com.kakehashi.support.Fixtures.linkBank;
import static com.kakehashi.support.Fixtures.openWallet;
import static com.kakehashi.support.Fixtures.topUp;
import static com.kakehashi.support.Fixtures.travellerToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.reconciliation.application.StatementPickUp;
import com.kakehashi.support.Statements;
import com.kakehashi.support.Statements.Line;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A top-up left PENDING by a bank outage is confirmed by the funding bank's statement, once. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class TopUpConfirmationTest {
    @Inject
    TestClock clock;

    @Inject
    StatementPickUp pickUp;

    @Test
    void theFundingBanksStatementConfirmsAPendingTopUpOnceThroughTheDropDirectory(@TempDir Path drop) throws Exception {
        String traveller = aTravellerSubject();
        String walletId = openWallet(traveller);
        linkBank(traveller, walletId, WireMockBank.Accounts.SERVER_ERROR);
        String topUpId = topUp(traveller, walletId, "8000", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .extract()
                .path("id");
        assertThat(balanceOf(traveller, walletId)).isEqualTo("0");

        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();
        List<Line> lines = List.of(new Line("CRDT", 8000, today, topUpId.replace("-", ""), "ヤマダ タロウ"));
        Path bankDirectory = Files.createDirectories(drop.resolve("jp-funding-bank"));
        Files.writeString(
                bankDirectory.resolve("2026-11-25-morning.csv"),
                Statements.csv("FUND-" + topUpId.substring(0, 8), "JP0001-001-7777777", "JPY", today, 0, 8000, lines));
        Files.writeString(
                bankDirectory.resolve("2026-11-25-noon.xml"),
                Statements.camt053(
                        "FUND-N-" + topUpId.substring(0, 8),
                        "JP0001-001-7777777",
                        "JPY",
                        today,
                        8000,
                        16000,
                        lines)); // the bank sends it again in another statement

        var received = pickUp.pickUp(drop);

        assertThat(received).hasSize(2);
        assertThat(Files.exists(bankDirectory.resolve("done/2026-11-25-morning.csv")))
                .isTrue();
        for (var intake : received) {
            com.kakehashi.support.StatementUploads.finalStatus(
                            intake.statementId().toString(), com.kakehashi.support.Tokens.operator())
                    .then()
                    .body("state", equalTo("PROCESSED"));
        }
        assertThat(balanceOf(traveller, walletId)).isEqualTo("8000");
        given().header("Authorization", travellerToken(traveller))
                .get("/v1/wallets/{w}/top-ups/{t}", walletId, topUpId)
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"));
    }
}
