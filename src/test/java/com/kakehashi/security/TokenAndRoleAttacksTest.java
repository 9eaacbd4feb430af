package com.kakehashi.security;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 9 item 12: tokens that must not work, and payments seen by role, not by subject string alone. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class TokenAndRoleAttacksTest {
    private static final String ISSUER = "https://kakehashi.example/demo";

    private static void refused(String token) {
        given().header("Authorization", "Bearer " + token)
                .get("/v1/wallets")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthenticated"));
    }

    @Test
    void aTokenLivingLongerThanADayIsRefused() {
        Instant now = Instant.now();
        refused(Jwt.issuer(ISSUER)
                .subject(aTravellerSubject())
                .groups(Set.of("traveller"))
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(24)).plusSeconds(60))
                .sign());
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        refused(Jwt.issuer(ISSUER)
                .subject(aTravellerSubject())
                .groups(Set.of("traveller"))
                .issuedAt(later)
                .expiresAt(later.plus(Duration.ofHours(1)))
                .sign());
    }

    @Test
    void aTokenWithAnEmptySubjectIsRefused() {
        Instant now = Instant.now();
        refused(Jwt.issuer(ISSUER)
                .subject("")
                .upn("")
                .groups(Set.of("traveller"))
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(1)))
                .sign());
        refused(Jwt.issuer(ISSUER)
                .claim("sub", " ")
                .upn("someone")
                .groups(Set.of("traveller"))
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(1)))
                .sign());
    }

    @Test
    void aTokenOfADayOrLessIsAccepted() {
        Instant now = Instant.now();
        given().header(
                        "Authorization",
                        "Bearer "
                                + Jwt.issuer(ISSUER)
                                        .subject(aTravellerSubject())
                                        .groups(Set.of("traveller"))
                                        .issuedAt(now)
                                        .expiresAt(now.plus(Duration.ofHours(24)))
                                        .sign())
                .get("/v1/wallets")
                .then()
                .statusCode(200);
    }

    @Test
    void aMerchantOrBankNamedLikeATravellerDoesNotSeeTheTravellersPayment() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 1_000);
        String paymentId = pay(
                        traveller,
                        quoteId(traveller, walletId, dynamicQr(aMerchantInTokyo(), "100"), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        for (String role : new String[] {"merchant", "bank"}) {
            given().header("Authorization", com.kakehashi.support.Tokens.bearer(traveller, role))
                    .get("/v1/payments/{id}", paymentId)
                    .then()
                    .statusCode(role.equals("bank") ? 403 : 404)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", com.kakehashi.support.Tokens.bearer(traveller, "traveller"))
                .get("/v1/payments/{id}", paymentId)
                .then()
                .statusCode(200)
                .body("id", equalTo(paymentId));
    }
}
