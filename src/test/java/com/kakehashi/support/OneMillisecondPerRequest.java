package com.kakehashi.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.time.Duration;

/**
 * The one way the fixed test clock moves without a test saying so: each request a test sends through
 * rest-assured ends 1 ms before the next begins, so what a test does one request after another never shares an
 * instant (a payment before "now" is before a cut-off taken now; a newer rate is newer), as in production.
 */
public final class OneMillisecondPerRequest implements Filter {
    static final Duration STEP = Duration.ofMillis(1);

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        try {
            return context.next(request, response);
        } finally {
            TestClock.ofTheApplication().advance(STEP);
        }
    }
}
