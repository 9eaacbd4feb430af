package com.kakehashi.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Rates and positions through the public API, as an operator would publish and read them. */
public final class FxFixtures {
    private FxFixtures() {}

    public static Response publish(String base, String quote, String mid, String source, Instant validFrom) {
        Map<String, Object> body = new HashMap<>(Map.of("base", base, "quote", quote, "mid", mid, "source", source));
        if (validFrom != null) {
            body.put("validFrom", validFrom.toString());
        }
        return given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v1/fx/rates");
    }

    /**
     * Puts "1 base = mid quote" in force from the application clock's now, as the desk does when the market
     * moved: a figure outside the plausibility band of the rate in force is held (202) and then approved by a
     * second operator, a figure within it is published at once.
     */
    public static void aRateInForceNow(String base, String quote, String mid, Instant now) {
        Response published = publish(base, quote, mid, "treasury-desk", now);
        if (published.statusCode() == 202) {
            approveAsAnotherOperator(published.then().extract().path("id"));
        } else {
            published.then().statusCode(201);
        }
    }

    /** A second operator (never the submitter: every operator token has its own subject) approves a held rate. */
    public static Response approveAsAnotherOperator(String pendingId) {
        Response approved = given().header("Authorization", Tokens.operator())
                .post("/v1/fx/rates/pending/{id}/approval", pendingId);
        approved.then().statusCode(200);
        return approved;
    }

    /** A rate file uploaded with a token of the given subject and role. */
    public static Response uploadRateFile(String format, String content, String subject, String role) {
        return given().header("Authorization", Tokens.bearer(subject, role))
                .contentType(format.equals("ecb") ? "application/xml" : "text/csv")
                .body(content)
                .post("/v1/fx/rate-files?format=" + format);
    }

    /** The operator's FX position in a currency, in minor units. */
    public static long positionMinor(String currency) {
        var positions = given().header("Authorization", Tokens.operator())
                .get("/v1/fx/positions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        java.util.List<Map<String, Object>> list = positions.getList("positions");
        return list.stream()
                .filter(p -> currency.equals(p.get("currency")))
                .map(p -> new java.math.BigDecimal((String) ((Map<?, ?>) p.get("amount")).get("amount")))
                .map(a -> a.movePointRight(currency.equals("JPY") ? 0 : 2).longValueExact())
                .findFirst()
                .orElse(0L);
    }
}
