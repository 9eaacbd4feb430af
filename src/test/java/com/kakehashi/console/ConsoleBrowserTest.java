package com.kakehashi.console;

import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.balanceOf;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.FxFixtures.aRateInForceNow;
import static com.kakehashi.support.SettlementFixtures.aMerchantOf;
import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static com.kakehashi.support.SettlementFixtures.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.support.Statements;
import com.kakehashi.support.Statements.Line;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import com.kakehashi.wallet.application.TopUps;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser (Debian's chromium, headless, through chromedriver and Selenium): what an
 * operator and a partner bank do with it, end to end on the real application and database.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class ConsoleBrowserTest {
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestClock clock;

    @Inject
    TopUps topUps;

    @BeforeAll
    static void startTheBrowser() throws IOException, InterruptedException {
        if (!Browser.installed()) {
            // bin/test runs bin/ensure-chromium first; a bare ./mvnw run installs the browser here instead.
            Process install =
                    new ProcessBuilder("bin/ensure-chromium").inheritIO().start();
            assertThat(install.waitFor(10, java.util.concurrent.TimeUnit.MINUTES))
                    .as("bin/ensure-chromium finished")
                    .isTrue();
        }
        assertThat(Browser.installed())
                .as("chromium and chromedriver are installed (bin/ensure-chromium)")
                .isTrue();
        browser = new Browser();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void aFreshSession() {
        browser.open(url("/console/sign-in"));
        browser.driver.manage().deleteAllCookies();
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private void signInAs(String subject, String... roles) {
        browser.open(url("/console/sign-in"));
        browser.find("#token").sendKeys(Tokens.token(subject, roles));
        browser.click("#sign-in");
        browser.waitForText("#signed-in-as", subject);
    }

    private String aPaymentTo(String bank, long yen) {
        String traveller = aTravellerSubject();
        String wallet = aFundedWallet(traveller);
        String merchant = aMerchantOf(bank, "JPY");
        return pay(
                        traveller,
                        quoteId(traveller, wallet, dynamicQr(merchant, Long.toString(yen)), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * A wallet holding 50,000 yen. On a loaded machine the simulated bank's answer may miss the test's short
     * timeout (the top-up stays PENDING): the pending check asks the bank again, as production does.
     */
    private String aFundedWallet(String traveller) {
        String wallet = aWalletWithYen(traveller, 50_000);
        await().atMost(Duration.ofMinutes(3))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if ("50000".equals(balanceOf(traveller, wallet))) {
                        return true;
                    }
                    topUps.resolvePending(Duration.ZERO);
                    return false;
                });
        return wallet;
    }

    /** A JPY bank with one delivered batch, through the API; its payout lines as the bank will report them. */
    private List<Line> aDeliveredBatchOf(String bank, long... yen) {
        for (long amount : yen) {
            aPaymentTo(bank, amount);
        }
        var cutoff = clock.instant();
        String batchId = run(bank, cutoff)
                .then()
                .statusCode(201)
                .body("state", equalTo("DELIVERED"))
                .extract()
                .path("id");
        LocalDate valueDate = cutoff.atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();
        List<Map<String, Object>> items = given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}", batchId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        List<Line> lines = new ArrayList<>();
        for (Map<String, Object> item : items) {
            long net = Long.parseLong((String) ((Map<?, ?>) item.get("net")).get("amount"));
            lines.add(new Line(
                    "DBIT", net, valueDate, (String) item.get("endToEndId"), (String) item.get("merchantName")));
        }
        return lines;
    }

    @Test
    void anOperatorSignsInAndSeesTheOverviewWithItsChartDrawn() {
        aRateInForceNow("CNY", "JPY", "21.2469", clock.instant());
        aPaymentTo(aSettlementBank("JPY"), 12_800);
        signInAs("ops-overview", "operator");
        browser.open(url("/console"));
        browser.until(
                d -> "true".equals(d.findElement(By.id("payments-per-minute")).getAttribute("data-chart-drawn")));
        Object painted = browser.driver.executeScript(
                "return Chart.getChart(document.getElementById('payments-per-minute')).data.datasets[0].data"
                        + ".reduce(function (a, b) { return a + b; }, 0)");
        assertThat(((Number) painted).longValue())
                .as("payments drawn in the last hours")
                .isPositive();
        assertThat(browser.text("#corridors")).contains("JPY → JPY");
        assertThat(browser.text("#rates-in-force"))
                .contains("CNY/JPY")
                .contains("21.2469")
                .contains("Fresh");
        browser.screenshot("console-overview.png");
    }

    @Test
    void anOperatorRunsACutOffOpensTheBatchAndDownloadsItsPain001() throws IOException {
        String bank = aSettlementBank("JPY");
        aPaymentTo(bank, 12_800);
        clock.advance(Duration.ofSeconds(1)); // the console cuts at whole seconds: a later one takes the payment
        signInAs("ops-cutoff", "operator");
        browser.open(url("/console/settlement"));
        new Select(browser.find("#run-bank")).selectByValue(bank);
        browser.click("#run-cutoff");
        browser.until(d -> d.getCurrentUrl().contains("/console/settlement/batches/"));
        browser.waitForText("#batch-state", "DELIVERED");
        assertThat(browser.text("#batch-payout")).isEqualTo("¥12,800");
        assertThat(browser.text("#timeline"))
                .contains("CLOSED")
                .contains("FILES_WRITTEN")
                .contains("DELIVERED");
        assertThat(browser.text("#deliveries")).contains("DIRECTORY");
        browser.screenshot("console-batch.png");

        browser.click("#file-pain001");
        Path file = await().atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> downloaded(".xml"), f -> f != null);
        String pain001 = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(pain001)
                .contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001")
                .contains("12800");
    }

    private static Path downloaded(String suffix) throws IOException {
        try (var files = Files.list(browser.downloads)) {
            return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElse(null);
        }
    }

    @Test
    void anOperatorUploadsAStatementThenAssignsAndResolvesTheBreakAndSeesItsHistory() throws IOException {
        String bank = aSettlementBank("JPY");
        List<Line> lines = new ArrayList<>(aDeliveredBatchOf(bank, 1_000, 2_000));
        Line first = lines.get(0);
        lines.set(
                0,
                new Line("DBIT", first.amountMinor() + 1, first.valueDate(), first.endToEndId(), first.counterparty()));
        long opening = 10_000_000;
        Path statement = Files.createTempFile("statement-", ".xml");
        Files.writeString(
                statement,
                Statements.camt053(
                        "STMT-" + bank,
                        "SETTLE-" + bank,
                        "JPY",
                        first.valueDate().plusDays(3),
                        opening,
                        opening + Statements.net(lines),
                        lines));

        signInAs("ops-recon", "operator");
        browser.open(url("/console/reconciliation"));
        new Select(browser.find("#up-bank")).selectByValue(bank);
        browser.find("#up-file").sendKeys(statement.toString());
        browser.click("#upload-statement");
        browser.until(d -> d.getCurrentUrl().contains("/console/reconciliation/statements/"));
        assertThat(browser.text("#statements")).contains("STMT-" + bank).contains("Balanced");
        assertThat(browser.text("#statement-report")).contains("AMOUNT_MISMATCH");

        browser.open(url("/console/reconciliation/breaks?bank=" + bank + "&status=OPEN"));
        assertThat(browser.driver.findElements(By.cssSelector("a.break-link"))).hasSize(1);
        browser.click("a.break-link");
        browser.waitForText("#break-outcome", "AMOUNT_MISMATCH");
        browser.click("#assign");
        browser.waitForText("#break-status", "ASSIGNED");
        assertThat(browser.text("#break-assignee")).isEqualTo("ops-recon");
        new Select(browser.find("#reason")).selectByValue("BANK_CORRECTED");
        browser.find("#resolve-comment").sendKeys("Bank confirmed a one-yen keying error");
        browser.click("#resolve");
        browser.waitForText("#break-status", "RESOLVED");
        assertThat(browser.text("#history"))
                .contains("ASSIGNED")
                .contains("to ops-recon")
                .contains("RESOLVED")
                .contains("BANK_CORRECTED: Bank confirmed a one-yen keying error");
    }

    @Test
    void aSecondOperatorApprovesAHeldRateAndItIsInForce() {
        aRateInForceNow("CNY", "JPY", "21.2469", clock.instant());
        String alice = "ops-alice-" + System.nanoTime();
        String heldId = given().header("Authorization", Tokens.bearer(alice, "operator"))
                .contentType("application/json")
                .body(Map.of("base", "CNY", "quote", "JPY", "mid", "22.75", "source", "treasury-desk"))
                .post("/v1/fx/rates")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        signInAs("ops-bob", "operator");
        browser.open(url("/console/fx"));
        String row = browser.text("#held-rates");
        assertThat(row)
                .contains("CNY/JPY")
                .contains("22.75")
                .contains("21.2469")
                .contains(alice);
        browser.click("#approve-" + heldId);
        browser.waitForText("#notice", "Rate approved");
        assertThat(browser.driver.findElements(By.id("approve-" + heldId))).isEmpty();
        given().header("Authorization", Tokens.operator())
                .get("/v1/fx/rates/pending/{id}", heldId)
                .then()
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("ops-bob"));
        given().header("Authorization", Tokens.operator())
                .queryParam("base", "CNY")
                .queryParam("quote", "JPY")
                .get("/v1/fx/rates")
                .then()
                .statusCode(200)
                .body("mid", equalTo("22.75"));
        assertThat(browser.text("#rate-table")).contains("22.75");
        aRateInForceNow("CNY", "JPY", "21.2469", clock.instant()); // the desk's rate again, for whoever runs next
    }

    @Test
    void theSubmitterCannotApproveTheirOwnHeldRateInTheConsole() {
        aRateInForceNow("CNY", "JPY", "21.2469", clock.instant());
        String alice = "ops-alice-" + System.nanoTime();
        String heldId = given().header("Authorization", Tokens.bearer(alice, "operator"))
                .contentType("application/json")
                .body(Map.of("base", "CNY", "quote", "JPY", "mid", "19.50", "source", "treasury-desk"))
                .post("/v1/fx/rates")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        signInAs(alice, "operator");
        browser.open(url("/console/fx"));
        browser.click("#approve-" + heldId);
        browser.waitForText("#problem", "fx_second_operator_required");
        given().header("Authorization", Tokens.operator())
                .get("/v1/fx/rates/pending/{id}", heldId)
                .then()
                .body("status", equalTo("PENDING_APPROVAL"));
        given().header("Authorization", Tokens.operator())
                .contentType("application/json")
                .body(Map.of("reason", "test over"))
                .post("/v1/fx/rates/pending/{id}/rejection", heldId)
                .then()
                .statusCode(200);
    }

    @Test
    void theLanguageSwitchesToJapaneseAndBack() {
        signInAs("ops-language", "operator");
        browser.open(url("/console/settlement"));
        browser.click("#lang-ja");
        browser.until(d -> "ja".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.text("nav")).contains("概要").contains("精算").contains("照合");
        assertThat(browser.text("h1")).isEqualTo("精算");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/settlement");
        browser.click("#lang-en");
        browser.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.text("h1")).isEqualTo("Settlement");
    }

    @Test
    void aBankUserSeesItsOwnBatchesAndBreaksAndNeverAnotherBanks() {
        String mine = aSettlementBank("JPY");
        String theirs = aSettlementBank("JPY");
        aDeliveredBatchOf(mine, 1_500);
        aDeliveredBatchOf(theirs, 2_500);
        String theirBatch = given().header("Authorization", Tokens.operator())
                .queryParam("bankId", theirs)
                .get("/v1/settlement/batches")
                .then()
                .extract()
                .path("[0].id");

        signInAs(mine, "bank");
        browser.open(url("/console/settlement?bank=" + theirs));
        String batches = browser.text("#batches");
        assertThat(batches).contains(mine).doesNotContain(theirs);
        assertThat(browser.driver.findElements(By.id("run-cutoff")))
                .as("banks do not run cut-offs")
                .isEmpty();

        browser.open(url("/console/settlement/batches/" + theirBatch));
        assertThat(browser.text("#problem")).contains("batch_not_found");

        browser.open(url("/console/reconciliation/breaks?bank=" + theirs));
        assertThat(browser.text("#breaks")).doesNotContain(theirs);

        browser.open(url("/console/banks"));
        assertThat(browser.text("#problem")).contains("forbidden");
    }

    @Test
    void anOperatorEditsAMerchantAndAStaleEditShowsTheConflict() {
        String merchant = aMerchantOf(aSettlementBank("JPY"), "JPY");
        signInAs("ops-merchants", "operator");
        browser.open(url("/console/merchants"));
        assertThat(browser.driver.findElements(By.cssSelector("#merchants a[id^=merchant-]")))
                .as("rows link to edits")
                .isNotEmpty();

        browser.open(url("/console/merchants/" + merchant));
        browser.find("#name").clear();
        browser.find("#name").sendKeys("Ginza Kissa");
        browser.click("#save-merchant");
        browser.waitForText("#notice", "Saved");
        assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Ginza Kissa");

        // another operator saves while this page is open (it read version 1)
        Map<String, Object> theirs = given().header("Authorization", Tokens.operator())
                .get("/v1/merchants/{id}", merchant)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        theirs.put("city", "Shibuya");
        theirs.keySet()
                .retainAll(List.of("name", "city", "country", "currency", "mcc", "bankId", "payoutAccount", "version"));
        given().header("Authorization", Tokens.operator())
                .contentType("application/json")
                .body(theirs)
                .put("/v1/merchants/{id}", merchant)
                .then()
                .statusCode(200);

        browser.find("#mcc").clear();
        browser.find("#mcc").sendKeys("5814");
        browser.click("#save-merchant");
        assertThat(browser.text("#conflict")).contains("Not saved").contains("Shibuya");
        assertThat(browser.find("#mcc").getAttribute("value"))
                .as("the edit is kept")
                .isEqualTo("5814");

        browser.click("#save-merchant"); // save over their version, knowingly
        browser.waitForText("#notice", "Saved");
        given().header("Authorization", Tokens.operator())
                .get("/v1/merchants/{id}", merchant)
                .then()
                .body("mcc", equalTo("5814"))
                .body("city", equalTo("Tokyo"))
                .body("version", equalTo(3));
    }
}
