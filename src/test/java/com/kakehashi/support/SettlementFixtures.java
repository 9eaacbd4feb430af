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
    private SettlementFixtures() {
    }

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
        body.put("settlesFrom", Instant.now().minusSeconds(3600).toString());
        return body;
    }

    /** A new settlement bank delivering into its own directory under the test outbox. */
    public static String aSettlementBank(String currency) {
        String id = "bank-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", Tokens.operator()).contentType(ContentType.JSON)
                .body(bankRequest(id, currency, "DIRECTORY", id)).post("/v1/banks").then().statusCode(201);
        return id;
    }

    public static String aMerchantOf(String bankId, String currency) {
        return Fixtures.createMerchant("Shop " + bankId.substring(5), currency.equals("JPY") ? "Tokyo" : "Shanghai",
                currency.equals("JPY") ? "JP" : "CN", currency, "5812", bankId);
    }

    public static Response run(String bankId, Instant cutoff) {
        return given().header("Authorization", Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("bankId", bankId, "cutoff", cutoff.toString())).post("/v1/settlement/runs");
    }
}
