package com.kakehashi.wallet;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.anApprovedAccountNumber;
import static com.kakehashi.support.Fixtures.balanceOf;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.linkBank;
import static com.kakehashi.support.Fixtures.openWallet;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.Fixtures.topUp;
import static com.kakehashi.support.Fixtures.travellerToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.reconciliation.application.StatementPickUp;
import com.kakehashi.support.LedgerChecks;
import com.kakehashi.support.Statements;
import com.kakehashi.support.Statements.Line;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.WireMockBank;
import com.kakehashi.support.WireMockBank.Accounts;
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

/** A traveller's second wallet is a wallet like the first: its own ledger account, top-ups, payments. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class SecondWalletTest {
    @Inject
    LedgerChecks ledger;

    @Inject
    TestClock clock;

    @Inject
    StatementPickUp pickUp;

    @Inject
    com.kakehashi.reconciliation.application.Statements statements;

    @Test
    void aTravellersSecondWalletTopsUpPaysAndIsConfirmedByTheStatement(@TempDir Path drop) throws Exception {
        String traveller = aTravellerSubject();
        String first = aWalletToppedUpAtOnce(traveller, "1000");
        String second = openWallet(traveller);
        linkBank(traveller, second, Accounts.SERVER_ERROR);
        String topUpId = topUp(traveller, second, "7000", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .extract()
                .path("id");

        confirmByStatement(drop, topUpId, 7000);
        pay(
                        traveller,
                        quoteId(traveller, second, dynamicQr(aMerchantInTokyo(), "2500"), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201);

        given().header("Authorization", travellerToken(traveller))
                .get("/v1/wallets/{w}/top-ups/{t}", second, topUpId)
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"));
        assertThat(balanceOf(traveller, first)).isEqualTo("1000");
        assertThat(balanceOf(traveller, second)).isEqualTo("4500");
        ledger.walletBalanceMatchesPostings(first);
        ledger.walletBalanceMatchesPostings(second);
        ledger.everyJournalBalances();
    }

    @Test
    void aSecondWalletsApprovedTopUpIsCreditedAtOnce() {
        String traveller = aTravellerSubject();
        aWalletToppedUpAtOnce(traveller, "1000");

        String second = aWalletToppedUpAtOnce(traveller, "6000");

        assertThat(balanceOf(traveller, second)).isEqualTo("6000");
        ledger.walletBalanceMatchesPostings(second);
    }

    private static String aWalletToppedUpAtOnce(String traveller, String yen) {
        String wallet = openWallet(traveller);
        linkBank(traveller, wallet, anApprovedAccountNumber());
        topUp(traveller, wallet, yen, UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("status", equalTo("COMPLETED"));
        return wallet;
    }

    private void confirmByStatement(Path drop, String topUpId, long yen) throws Exception {
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();
        List<Line> lines = List.of(new Line("CRDT", yen, today, topUpId.replace("-", ""), "ヤマダ タロウ"));
        Path bank = Files.createDirectories(drop.resolve("jp-funding-bank"));
        Files.writeString(
                bank.resolve("second-wallet.csv"),
                Statements.csv(
                        "FUND-2W-" + topUpId.substring(0, 8), "JP0001-001-7777777", "JPY", today, 0, yen, lines));
        var intakes = pickUp.pickUp(drop);
        assertThat(intakes).hasSize(1);
        // Statements are processed off the caller's thread (docs/reconciliation.md): wait for this one.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .pollDelay(java.time.Duration.ZERO)
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> statements.status(intakes.get(0).statementId()).done());
    }
}
