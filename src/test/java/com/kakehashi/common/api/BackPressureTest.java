package com.kakehashi.common.api;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.balanceOf;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Past the hot path's bound, a payment is refused at once with 503, Retry-After and a problem code. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class BackPressureTest {
    @Inject
    BackPressureFilter filter;

    @Test
    void aPaymentBeyondTheHotPathsBoundIsRefusedAtOnceAndChargesNothing() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String quoteId = quoteId(traveller, walletId, dynamicQr(aMerchantInTokyo(), "1000"), null);
        int bound = filter.maxInFlight;
        filter.maxInFlight = 0; // the queue is full
        try {
            pay(traveller, quoteId, UUID.randomUUID().toString()).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "1")
                    .body("code", equalTo("overloaded"));
        } finally {
            filter.maxInFlight = bound;
        }

        assertThat(filter.inFlight()).isZero();
        assertThat(balanceOf(traveller, walletId)).isEqualTo("5000");
        pay(traveller, quoteId, UUID.randomUUID().toString()).then().statusCode(201);
        assertThat(filter.inFlight()).isZero();
    }
}
