package com.kakehashi.settlement;

import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.SettlementFixtures.bankRequest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.settlement.application.SettlementScheduler;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 "Files out": a Japanese bank paid by Zengin 総合振込, its business days (a cut-off on 勤労感謝の日,
 * Monday 2026-11-23, is executed on Tuesday 11/24 and, when scheduled, merges into Tuesday's batch), and its
 * minimum payout.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class ZenginAndBusinessDaysTest {
    private static final Charset SJIS = Charset.forName("Shift_JIS");
    /** 2026-11-23 18:00 in Tokyo: the bank's cut-off on a national holiday. */
    private static final Instant HOLIDAY_CUTOFF = Instant.parse("2026-11-23T09:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    SettlementScheduler scheduler;

    private void clockAt(Instant at) {
        clock.setTo(at);
    }

    private static String aZenginBank(Instant settlesFrom) {
        String id = "zengin-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = bankRequest(id, "JPY", "DIRECTORY", id);
        body.put("fileFormats", List.of("ZENGIN", "PAIN001"));
        body.put("settlementAccount", "0005-001-1-7777777");
        body.put("zenginRequesterCode", "1234567890");
        body.put("zenginRequesterName", "ｶｹﾊｼ");
        body.put("minimumPayout", "1000");
        body.put("settlesFrom", settlesFrom.toString());
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v1/banks")
                .then()
                .statusCode(201)
                .body("minimumPayout.amount", equalTo("1000"))
                .body("calendar", equalTo("JP"));
        return id;
    }

    private static String aZenginMerchant(String bank, String kana, String account) {
        return given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Yamada Shoten",
                        "city",
                        "Tokyo",
                        "country",
                        "JP",
                        "currency",
                        "JPY",
                        "mcc",
                        "5411",
                        "bankId",
                        bank,
                        "payoutAccount",
                        account,
                        "payoutAccountHolderKana",
                        kana))
                .post("/v1/merchants")
                .then()
                .statusCode(201)
                .body("payoutAccountHolderKana", equalTo(kana))
                .extract()
                .path("id");
    }

    private static void paid(String merchant, String yen) {
        String traveller = aTravellerSubject();
        String wallet = aWalletWithYen(traveller, 10_000);
        pay(
                        traveller,
                        quoteId(traveller, wallet, dynamicQr(merchant, yen), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201);
    }

    @Test
    void aHolidayCutoffIsExecutedOnTheNextBusinessDayInAZenginFileAndSmallNetsWait() throws Exception {
        clockAt(HOLIDAY_CUTOFF.minus(Duration.ofHours(2)));
        String bank = aZenginBank(HOLIDAY_CUTOFF.minus(Duration.ofDays(1)));
        String yamada = aZenginMerchant(bank, "ﾔﾏﾀﾞｼﾖｳﾃﾝ(ｶ", "0009-123-1-0012345");
        String small = aZenginMerchant(bank, "ｽｽﾞｷ", "0001-456-2-7654321");
        paid(yamada, "1500");
        paid(small, "500"); // under the bank's 1,000 yen minimum: carried forward
        clockAt(HOLIDAY_CUTOFF.plus(Duration.ofMinutes(5)));

        String batchId = given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("bankId", bank, "cutoff", HOLIDAY_CUTOFF.toString()))
                .post("/v1/settlement/runs")
                .then()
                .statusCode(201)
                .body("state", equalTo("DELIVERED"))
                .body("totals.payout.amount", equalTo("1500"))
                .extract()
                .path("id");
        given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}", batchId)
                .then()
                .body("items.find { it.merchantId == '" + small + "' }.outcome", equalTo("CARRIED_FORWARD"));

        byte[] zengin = given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}/files/zengin", batchId)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(zengin).hasSize(4 * 122);
        String header = new String(Arrays.copyOfRange(zengin, 0, 120), SJIS);
        assertThat(header).startsWith("1210" + "1234567890" + "ｶｹﾊｼ");
        assertThat(header.substring(54, 58))
                .as("取組日 MMDD: Tuesday after the holiday")
                .isEqualTo("1124");
        byte[] data = Arrays.copyOfRange(zengin, 122, 242);
        assertThat(new String(data, 0, 20, StandardCharsets.US_ASCII)).startsWith("20009");
        assertThat(Arrays.copyOfRange(data, 50, 61)).isEqualTo(new byte[] {
            (byte) 0xD4,
            (byte) 0xCF,
            (byte) 0xC0,
            (byte) 0xDE,
            (byte) 0xBC,
            (byte) 0xD6,
            (byte) 0xB3,
            (byte) 0xC3,
            (byte) 0xDD,
            0x28,
            (byte) 0xB6
        });
        assertThat(new String(data, 80, 10, StandardCharsets.US_ASCII)).isEqualTo("0000001500");
        assertThat(new String(zengin, 244, 19, StandardCharsets.US_ASCII)).isEqualTo("8000001000000001500");
        assertThat(new String(zengin, 366, 1, StandardCharsets.US_ASCII)).isEqualTo("9");

        String pain001 = given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}/files/pain001", batchId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(pain001.replace("doc:", "")).contains("<Dt>2026-11-24</Dt>");
        try (var files = Files.list(Path.of("target/test-settlement-outbox", bank))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).anyMatch(n -> n.endsWith(".zengin.txt"));
        }
    }

    @Test
    void theSchedulerMergesAHolidayCutoffIntoTheNextBusinessDaysBatch() {
        clockAt(HOLIDAY_CUTOFF.minus(Duration.ofHours(3)));
        String bank = aZenginBank(HOLIDAY_CUTOFF.minus(Duration.ofHours(4)));
        String yamada = aZenginMerchant(bank, "ﾔﾏﾀﾞ", "0009-123-1-0012345");
        paid(yamada, "1200"); // before the holiday's cut-off
        clockAt(HOLIDAY_CUTOFF.plus(Duration.ofHours(3)));
        paid(yamada, "1300"); // after it
        clockAt(HOLIDAY_CUTOFF.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));

        List<Instant> ran = scheduler.runDueFor(bank, clock.instant()).stream()
                .filter(at -> at.isAfter(HOLIDAY_CUTOFF.minusSeconds(1)))
                .toList();

        List<Map<String, Object>> batches = given().header("Authorization", Tokens.operator())
                .queryParam("bankId", bank)
                .queryParam("from", "2026-11-01T00:00:00Z")
                .get("/v1/settlement/batches")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).get("cutoff")).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(ran).contains(Instant.parse("2026-11-24T09:00:00Z")).doesNotContain(HOLIDAY_CUTOFF);
        given().header("Authorization", Tokens.operator())
                .get("/v1/settlement/batches/{id}", batches.get(0).get("id"))
                .then()
                .body("totals.payout.amount", equalTo("2500"));
    }

    @Test
    void aMerchantOfAZenginBankNeedsAValidKanaNameAndAZenginAccount() {
        String bank = aZenginBank(clock.instant());
        for (String kana : List.of("ﾔﾏﾀﾞ ｼｮｳﾃﾝ", "山田", "yamada", "ｱ".repeat(31))) {
            given().header("Authorization", Tokens.operator())
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "name",
                            "Shop",
                            "city",
                            "Tokyo",
                            "country",
                            "JP",
                            "currency",
                            "JPY",
                            "mcc",
                            "5411",
                            "bankId",
                            bank,
                            "payoutAccount",
                            "0009-123-1-0012345",
                            "payoutAccountHolderKana",
                            kana))
                    .post("/v1/merchants")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("invalid_request"));
        }
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Shop",
                        "city",
                        "Tokyo",
                        "country",
                        "JP",
                        "currency",
                        "JPY",
                        "mcc",
                        "5411",
                        "bankId",
                        bank,
                        "payoutAccount",
                        "ACC-1",
                        "payoutAccountHolderKana",
                        "ﾔﾏﾀﾞ"))
                .post("/v1/merchants")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));
    }

    @Test
    void calendarsKnowHolidaysBankClosuresAndMakeUpWorkingDaysAndOperatorsEditThem() {
        businessDay("JP", "2026-11-23", false, "2026-11-24");
        businessDay("JP", "2026-05-03", false, "2026-05-07"); // Golden Week with 振替休日 5/6
        businessDay("JP", "2026-12-31", false, "2027-01-04"); // banks close 12/31-1/3
        businessDay("JP", "2027-03-22", false, "2027-03-23"); // 振替休日 for 春分の日 on a Sunday
        businessDay("CN", "2026-10-01", false, "2026-10-08"); // 国庆节
        businessDay("CN", "2026-10-10", true, "2026-10-10"); // a Saturday worked (调休)
        businessDay("CN", "2026-02-14", true, "2026-02-14");
        businessDay("CN", "2026-02-21", false, "2026-02-24"); // a Saturday inside 春节

        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "CLOSED", "name", "Bank system maintenance"))
                .put("/v1/calendars/JP/days/2027-06-01")
                .then()
                .statusCode(204);
        businessDay("JP", "2027-06-01", false, "2027-06-02");
        given().header("Authorization", Tokens.operator())
                .delete("/v1/calendars/JP/days/2027-06-01")
                .then()
                .statusCode(204);
        businessDay("JP", "2027-06-01", true, "2027-06-01");
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "SOMETIMES", "name", "x"))
                .put("/v1/calendars/JP/days/2027-06-01")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));
        given().header("Authorization", Tokens.bearer("bank-x", "bank"))
                .get("/v1/calendars/JP/days")
                .then()
                .statusCode(403);
    }

    private static void businessDay(String calendar, String date, boolean open, String next) {
        given().header("Authorization", Tokens.operator())
                .queryParam("date", date)
                .get("/v1/calendars/{c}/business-day", calendar)
                .then()
                .statusCode(200)
                .body("open", equalTo(open))
                .body("nextBusinessDay", equalTo(next));
    }
}
