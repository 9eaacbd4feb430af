package com.kakehashi.common.security;

import static com.kakehashi.support.Fixtures.travellerToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A bearer token is verified in full once; a bad one is checked, and refused, every time. */
@QuarkusTest
class VerifiedTokenCacheTest {
    @Inject
    VerifiedTokenCache cache;

    @Test
    void theSameTokenIsVerifiedOnceAcrossRequests() {
        String token = travellerToken("traveller-cache-" + System.nanoTime());
        long before = cache.verifications();

        for (int i = 0; i < 3; i++) {
            given().header("Authorization", token).get("/v1/wallets").then().statusCode(200);
        }

        assertThat(cache.verifications() - before).isEqualTo(1);
    }

    @Test
    void aTamperedTokenIsRefusedEveryTime() {
        String token = travellerToken("traveller-cache-" + System.nanoTime());
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        for (int i = 0; i < 2; i++) {
            given().header("Authorization", tampered).get("/v1/wallets").then().statusCode(401);
        }
    }
}
