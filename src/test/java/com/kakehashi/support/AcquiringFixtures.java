package com.kakehashi.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Acquirers, payment codes and acquiring payments through the public API. */
public final class AcquiringFixtures {
    private AcquiringFixtures() {}

    public static Map<String, Object> acquirerRequest(
            String id, String bankId, String resolveUrl, List<Map<String, String>> patterns) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", "Acquirer " + id.substring(0, Math.min(id.length(), 12)));
        body.put("country", "CN");
        body.put("currency", "CNY");
        body.put("bankId", bankId);
        body.put("payoutAccount", "ACQ-" + id.substring(0, Math.min(id.length(), 20)));
        body.put("codePatterns", patterns);
        if (resolveUrl != null) {
            body.put("resolveUrl", resolveUrl);
        }
        return body;
    }

    /** A Chinese acquirer settled by {@code bankId}, recognising no codes of its own. */
    public static String aChineseAcquirer(String bankId) {
        String id = "acq-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(acquirerRequest(id, bankId, null, List.of()))
                .post("/v1/acquirers")
                .then()
                .statusCode(201);
        return id;
    }

    /**
     * A wallet holding exactly {@code yen}. The first top-up of a freshly started test JVM can outlast the bank
     * client's short test timeout and stay pending; another top-up (a new key) then funds the wallet.
     */
    public static String aWalletHolding(String subject, long yen) {
        String walletId = Fixtures.openWallet(subject);
        Fixtures.linkBank(subject, walletId, Fixtures.anApprovedAccountNumber());
        for (int attempt = 0;
                attempt < 3 && !Fixtures.balanceOf(subject, walletId).equals(Long.toString(yen));
                attempt++) {
            Fixtures.topUp(
                            subject,
                            walletId,
                            Long.toString(yen),
                            UUID.randomUUID().toString())
                    .then()
                    .statusCode(201);
        }
        return walletId;
    }

    public static String acquirerToken(String acquirerId) {
        return Tokens.bearer(acquirerId, "acquirer");
    }

    public static Response issueCode(String traveller, String walletId) {
        return given().header("Authorization", Fixtures.travellerToken(traveller))
                .post("/v1/wallets/{id}/payment-codes", walletId);
    }

    public static String aPaymentCode(String traveller, String walletId) {
        return issueCode(traveller, walletId).then().statusCode(201).extract().path("code");
    }

    public static Map<String, Object> paymentBody(String code, String amount, String currency) {
        return Map.of(
                "paymentCode",
                code,
                "amount",
                Map.of("amount", amount, "currency", currency),
                "merchant",
                Map.of(
                        "reference",
                        "M-0042",
                        "name",
                        "Lao Beijing Noodles",
                        "mcc",
                        "5814",
                        "city",
                        "Beijing",
                        "country",
                        "CN"));
    }

    public static Response acquire(String acquirerId, String code, String amount, String currency, String key) {
        return given().header("Authorization", acquirerToken(acquirerId))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(paymentBody(code, amount, currency))
                .post("/v1/acquiring/payments");
    }
}
