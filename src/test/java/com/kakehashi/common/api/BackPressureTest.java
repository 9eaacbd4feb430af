package com.kakehashi.common.api;

import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Past the hot path's bound, quotes and payments are refused at once with 503, Retry-After and a code. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class BackPressureTest {
    @Inject
    BackPressureFilter filter;

    @Test
    void beyondTheHotPathsBoundQuotesAndPaymentsAreRefusedAtOnceThenAdmittedAgain() {
        String traveller = aTravellerSubject();
        String unknownWallet = UUID.randomUUID().toString();
        int bound = filter.maxInFlight;
        filter.maxInFlight = 0; // the queue is full
        try {
            quote(traveller, unknownWallet, "000201", "100", "JPY")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("code", equalTo("overloaded"));
            pay(traveller, UUID.randomUUID().toString(), UUID.randomUUID().toString())
                    .then()
                    .statusCode(503)
                    .body("code", equalTo("overloaded"));
        } finally {
            filter.maxInFlight = bound;
        }

        quote(traveller, unknownWallet, "000201", "100", "JPY")
                .then()
                .statusCode(404)
                .body("code", equalTo("wallet_not_found"));
        assertThat(filter.inFlight())
                .as("every admitted request gave its place back")
                .isZero();
    }
}
