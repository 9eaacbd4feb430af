package com.kakehashi.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Rates and positions through the public API, as an operator would publish and read them. */
public final class FxFixtures {
    private FxFixtures() {
    }

    public static Response publish(String base, String quote, String mid, String source, Instant validFrom) {
        Map<String, Object> body = new HashMap<>(Map.of("base", base, "quote", quote, "mid", mid, "source", source));
        if (validFrom != null) {
            body.put("validFrom", validFrom.toString());
        }
        return given().header("Authorization", Tokens.operator()).contentType(ContentType.JSON).body(body)
                .post("/v1/fx/rates");
    }

    /** Publishes "1 base = mid quote" in force from the application clock's now. */
    public static void aRateInForceNow(String base, String quote, String mid, Instant now) {
        publish(base, quote, mid, "treasury-desk", now).then().statusCode(201);
    }

    /** The operator's FX position in a currency, in minor units. */
    public static long positionMinor(String currency) {
        var positions = given().header("Authorization", Tokens.operator()).get("/v1/fx/positions")
                .then().statusCode(200).extract().jsonPath();
        java.util.List<Map<String, Object>> list = positions.getList("positions");
        return list.stream().filter(p -> currency.equals(p.get("currency")))
                .map(p -> new java.math.BigDecimal((String) ((Map<?, ?>) p.get("amount")).get("amount")))
                .map(a -> a.movePointRight(currency.equals("JPY") ? 0 : 2).longValueExact())
                .findFirst().orElse(0L);
    }
}
