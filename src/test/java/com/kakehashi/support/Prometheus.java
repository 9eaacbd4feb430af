package com.kakehashi.support;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the service's Prometheus metrics for assertions on deltas: read before, act, read after. A
 * metric's absolute value depends on every test that ran before; its change depends on this test only.
 */
public final class Prometheus {
    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)$");

    private Prometheus() {}

    /** The sum of the samples of {@code name} whose labels include every {@code label="value"} given. */
    public static BigDecimal sum(String name, String... labels) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        BigDecimal sum = BigDecimal.ZERO;
        Matcher sample = SAMPLE.matcher(body);
        while (sample.find()) {
            if (sample.group(1).equals(name)
                    && hasAll(sample.group(3), labels)
                    && !sample.group(4).contains("N")) {
                sum = sum.add(new BigDecimal(sample.group(4)));
            }
        }
        return sum;
    }

    private static boolean hasAll(String present, String... labels) {
        for (String label : labels) {
            if (present == null || !present.contains(label)) {
                return false;
            }
        }
        return true;
    }
}
