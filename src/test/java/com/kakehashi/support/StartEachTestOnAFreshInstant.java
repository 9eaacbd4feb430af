package com.kakehashi.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Every @QuarkusTest method begins at a fixed instant of its own, and its rest-assured requests move the clock
 * by {@link OneMillisecondPerRequest} (registered in META-INF/services).
 */
public class StartEachTestOnAFreshInstant implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        TestClock.ofTheApplication().startTest();
        if (RestAssured.filters().stream().noneMatch(OneMillisecondPerRequest.class::isInstance)) {
            RestAssured.filters(new OneMillisecondPerRequest());
        }
    }
}
