package com.kakehashi.webhook;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.merchantToken;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kakehashi.support.AcquiringFixtures;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.WebhookReceiver;
import com.kakehashi.webhook.application.WebhookDispatcher;
import com.kakehashi.webhook.application.WebhookSecretSealing;
import com.kakehashi.webhook.domain.SecretCipher;
import com.kakehashi.webhook.domain.SecretCipher.Sealed;
import com.kakehashi.webhook.domain.WebhookSignature;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing secrets are stored sealed (AES-GCM), deliveries are still signed with them, a wrong key fails loudly. */
@QuarkusTest
class WebhookSecretAtRestTest {
    /** %test.kakehashi.webhook.previous-secret-key (version 0). */
    private static final String RETIRED_TEST_KEY = "tyX/ANRAsc0TocE5TrksxEAayNh5aGGRzqdvwHnB6Y0=";

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookSecretSealing sealing;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    private WebhookReceiver receiver;
    private String traveller;
    private String walletId;
    private String merchant;

    @BeforeEach
    void aMerchantWithAWebhookEndpoint() {
        receiver = new WebhookReceiver();
        traveller = aTravellerSubject();
        walletId = AcquiringFixtures.aWalletHolding(traveller, 50_000);
        merchant = aMerchantInTokyo();
    }

    @AfterEach
    void stopTheReceiver() {
        receiver.close();
    }

    @Test
    void theRowNeverHoldsTheSecretAndDeliveriesVerifyWithTheSecretShownAtCreation() throws SQLException {
        var created = subscribe();
        String secret = created.get("secret");

        StoredSecret row = stored(UUID.fromString(created.get("id")));
        assertThat(row.plaintext()).isNull();
        assertThat(row.keyVersion()).isEqualTo(1);
        assertThat(row.nonce()).hasSize(12);
        assertThat(new String(row.ciphertext(), StandardCharsets.ISO_8859_1))
                .doesNotContain(secret)
                .doesNotContain(secret.substring("whsec_".length()));

        aPaymentTo(merchant, "900");
        deliverUntilOne();
        WebhookReceiver.Received got = receiver.received().get(0);
        assertThat(WebhookSignature.verify(
                        secret, got.signature(), got.body(), clock.instant().getEpochSecond(), 300))
                .isTrue();
    }

    @Test
    void aSecretStoredInPlainTextBeforeTheUpgradeIsSealedAtStartUpAndStillSigns() throws SQLException {
        UUID id = UUID.fromString(subscribe().get("id"));
        String legacySecret = "whsec_legacy_" + UUID.randomUUID();
        execute(
                "update webhook_subscription set secret = ?, secret_ciphertext = null, secret_nonce = null,"
                        + " secret_key_version = null where id = ?",
                legacySecret,
                id);

        assertThat(sealing.sealPlaintext()).isPositive();

        StoredSecret row = stored(id);
        assertThat(row.plaintext()).isNull();
        assertThat(row.ciphertext()).isNotNull();
        aPaymentTo(merchant, "700");
        deliverUntilOne();
        WebhookReceiver.Received got = receiver.received().get(0);
        assertThat(WebhookSignature.verify(
                        legacySecret,
                        got.signature(),
                        got.body(),
                        clock.instant().getEpochSecond(),
                        300))
                .isTrue();
    }

    @Test
    void afterAKeyRotationStartUpSealsOldSecretsUnderTheNewKeyAndTheyStillSign() throws SQLException {
        UUID id = UUID.fromString(subscribe().get("id"));
        String secret = "whsec_rotated_" + UUID.randomUUID();
        Sealed underRetiredKey = new SecretCipher(
                        0, Map.of(0, Base64.getDecoder().decode(RETIRED_TEST_KEY)))
                .seal(id.toString(), secret);
        execute(
                "update webhook_subscription set secret_ciphertext = ?, secret_nonce = ?, secret_key_version = 0"
                        + " where id = ?",
                underRetiredKey.ciphertext(),
                underRetiredKey.nonce(),
                id);

        assertThat(sealing.resealOldKeys()).isPositive();

        StoredSecret row = stored(id);
        assertThat(row.keyVersion()).isEqualTo(1);
        assertThat(row.nonce()).isNotEqualTo(underRetiredKey.nonce());
        aPaymentTo(merchant, "650");
        deliverUntilOne();
        WebhookReceiver.Received got = receiver.received().get(0);
        assertThat(WebhookSignature.verify(
                        secret, got.signature(), got.body(), clock.instant().getEpochSecond(), 300))
                .isTrue();
    }

    @Test
    void aSecretSealedUnderAnotherKeyFailsLoudlyAndIsNeverSentUnsigned() throws SQLException {
        UUID id = UUID.fromString(subscribe().get("id"));
        byte[] otherKey = new byte[SecretCipher.KEY_BYTES];
        java.util.Arrays.fill(otherKey, (byte) 7);
        Sealed foreign = new SecretCipher(1, Map.of(1, otherKey)).seal(id.toString(), "whsec_foreign");
        execute(
                "update webhook_subscription set secret_ciphertext = ?, secret_nonce = ? where id = ?",
                foreign.ciphertext(),
                foreign.nonce(),
                id);
        aPaymentTo(merchant, "600");

        try {
            assertThatThrownBy(() -> {
                        for (int i = 0;
                                i < 50;
                                i++) { // other tests' deliveries may be due too; ours is among the first 50 runs
                            dispatcher.runOnce();
                            clock.advance(Duration.ofSeconds(61));
                        }
                    })
                    .isInstanceOf(SecretCipher.UnreadableSecretException.class)
                    .hasMessageContaining(id.toString())
                    .hasMessageContaining("kakehashi.webhook.secret-key");
            assertThat(receiver.received()).isEmpty();
        } finally {
            given().header("Authorization", merchantToken(merchant))
                    .delete("/v1/webhooks/{id}", id.toString())
                    .then()
                    .statusCode(204); // its pending delivery dies with it, so no other test meets it
        }
    }

    private record StoredSecret(String plaintext, byte[] ciphertext, byte[] nonce, Integer keyVersion) {}

    private StoredSecret stored(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select secret, secret_ciphertext, secret_nonce, secret_key_version from webhook_subscription where id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return new StoredSecret(
                        r.getString("secret"), r.getBytes("secret_ciphertext"), r.getBytes("secret_nonce"), (Integer)
                                r.getObject("secret_key_version"));
            }
        }
    }

    private void execute(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private Map<String, String> subscribe() {
        var answer = given().header("Authorization", merchantToken(merchant))
                .contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "events", List.of("payment.captured")))
                .post("/v1/webhooks")
                .then()
                .statusCode(201)
                .extract();
        return Map.of("id", answer.path("id"), "secret", answer.path("secret"));
    }

    private void aPaymentTo(String merchantId, String yen) {
        pay(
                        traveller,
                        quoteId(traveller, walletId, dynamicQr(merchantId, yen), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201);
    }

    private void deliverUntilOne() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    dispatcher.runOnce();
                    clock.advance(Duration.ofSeconds(2));
                    return !receiver.received().isEmpty();
                });
    }
}
