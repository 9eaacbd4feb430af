package com.kakehashi.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Banks of their own for settlement tests, so that a batch holds exactly the test's payments. */
public final class SettlementFixtures {
    private SettlementFixtures() {}

    public static Map<String, Object> bankRequest(String id, String currency, String channel, String target) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", "Test bank " + id);
        body.put("country", currency.equals("JPY") ? "JP" : "CN");
        body.put("currency", currency);
        body.put("bic", currency.equals("JPY") ? "TESTJPJTXXX" : "TESTCNSHXXX");
        body.put("timeZone", currency.equals("JPY") ? "Asia/Tokyo" : "Asia/Shanghai");
        body.put("settlementAccount", "SETTLE-" + id);
        body.put("cutoffSchedule", List.of("0 0 18 * * ?"));
        body.put("fileFormats", List.of("PAIN001", "CSV"));
        body.put("deliveryChannel", channel);
        body.put("deliveryTarget", target);
        body.put(
                "settlesFrom",
                TestClock.ofTheApplication().instant().minusSeconds(3600).toString());
        return body;
    }

    /** A new settlement bank delivering into its own directory under the test outbox. */
    public static String aSettlementBank(String currency) {
        String id = "bank-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(bankRequest(id, currency, "DIRECTORY", id))
                .post("/v1/banks")
                .then()
                .statusCode(201);
        return id;
    }

    /** A Japanese bank paid by Zengin 総合振込 only (no pain.001): its statements are Zengin 入出金取引明細. */
    public static String aZenginOnlyBank() {
        String id = "zg-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = bankRequest(id, "JPY", "DIRECTORY", id);
        body.put("fileFormats", List.of("ZENGIN"));
        // the house's account: its own per bank, as at real banks (statements and breaks are keyed by account)
        body.put(
                "settlementAccount",
                "0005-001-1-" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000));
        body.put("zenginRequesterCode", "1234567890");
        body.put("zenginRequesterName", "ｶｹﾊｼ");
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v1/banks")
                .then()
                .statusCode(201);
        return id;
    }

    /** A merchant of a Zengin bank: a Zengin payout account and its holder's name in half-width kana. */
    public static String aZenginMerchantOf(String bankId, String kana) {
        return given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Shop " + kana.length() + bankId.substring(3),
                        "city",
                        "Tokyo",
                        "country",
                        "JP",
                        "currency",
                        "JPY",
                        "mcc",
                        "5411",
                        "bankId",
                        bankId,
                        "payoutAccount",
                        "0009-123-1-0012345",
                        "payoutAccountHolderKana",
                        kana))
                .post("/v1/merchants")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String aMerchantOf(String bankId, String currency) {
        return Fixtures.createMerchant(
                "Shop " + bankId.substring(5),
                currency.equals("JPY") ? "Tokyo" : "Shanghai",
                currency.equals("JPY") ? "JP" : "CN",
                currency,
                "5812",
                bankId);
    }

    public static Response run(String bankId, Instant cutoff) {
        return given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of("bankId", bankId, "cutoff", cutoff.toString()))
                .post("/v1/settlement/runs");
    }
}
