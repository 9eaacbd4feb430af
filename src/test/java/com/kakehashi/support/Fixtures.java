package com.kakehashi.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Builds test data by intent, through the public API, each call with fresh ids. */
public final class Fixtures {
    private Fixtures() {}

    public static String aTravellerSubject() {
        return "traveller-" + UUID.randomUUID();
    }

    public static String aMerchantInTokyo() {
        return createMerchant("Akihabara Denki", "Tokyo", "JP", "JPY", "5732", "jp-funding-bank");
    }

    public static String aMerchantInOsaka() {
        return createMerchant("Namba Depato", "Osaka", "JP", "JPY", "5311", "jp-funding-bank");
    }

    public static String aMerchantInShanghai() {
        return createMerchant("Nanjing Road Tea", "Shanghai", "CN", "CNY", "5814", "cn-settlement-bank");
    }

    public static String createMerchant(
            String name, String city, String country, String currency, String mcc, String bank) {
        return given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        name,
                        "city",
                        city,
                        "country",
                        country,
                        "currency",
                        currency,
                        "mcc",
                        mcc,
                        "bankId",
                        bank,
                        "payoutAccount",
                        "ACC-" + ThreadLocalRandom.current().nextInt(1_000_000)))
                .post("/v1/merchants")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String merchantToken(String merchantId) {
        return Tokens.bearer(merchantId, "merchant");
    }

    public static String travellerToken(String subject) {
        return Tokens.bearer(subject, "traveller");
    }

    public static String openWallet(String subject) {
        return given().header("Authorization", travellerToken(subject))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/v1/wallets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** An ordinary account number the simulated bank approves (never one of the scripted ones). */
    public static String anApprovedAccountNumber() {
        return String.format("%07d", 1_000_000 + ThreadLocalRandom.current().nextInt(8_000_000));
    }

    public static void linkBank(String subject, String walletId, String accountNumber) {
        given().header("Authorization", travellerToken(subject))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "bankCode",
                        "0005",
                        "branchCode",
                        "123",
                        "accountType",
                        "ORDINARY",
                        "accountNumber",
                        accountNumber,
                        "holderName",
                        "ヤマダ タロウ"))
                .post("/v1/wallets/{id}/bank-links", walletId)
                .then()
                .statusCode(201);
    }

    public static Response topUp(String subject, String walletId, String yen, String key) {
        return given().header("Authorization", travellerToken(subject))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("amount", Map.of("amount", yen, "currency", "JPY")))
                .post("/v1/wallets/{id}/top-ups", walletId);
    }

    /** A wallet of a new traveller holding {@code yen}, funded through a real (simulated) top-up. */
    public static String aWalletWithYen(String subject, long yen) {
        String walletId = openWallet(subject);
        linkBank(subject, walletId, anApprovedAccountNumber());
        if (yen > 0) {
            topUp(subject, walletId, Long.toString(yen), UUID.randomUUID().toString())
                    .then()
                    .statusCode(201);
        }
        return walletId;
    }

    public static String staticQr(String merchantId) {
        return given().header("Authorization", merchantToken(merchantId))
                .get("/v1/merchants/{id}/qr", merchantId)
                .then()
                .statusCode(200)
                .extract()
                .path("payload");
    }

    public static String dynamicQr(String merchantId, String amount) {
        return given().header("Authorization", merchantToken(merchantId))
                .queryParam("amount", amount)
                .get("/v1/merchants/{id}/qr", merchantId)
                .then()
                .statusCode(200)
                .extract()
                .path("payload");
    }

    public static Response quote(String subject, String walletId, String qr, String amount, String currency) {
        Map<String, Object> body = amount == null
                ? Map.of("walletId", walletId, "qr", qr)
                : Map.of("walletId", walletId, "qr", qr, "amount", Map.of("amount", amount, "currency", currency));
        return given().header("Authorization", travellerToken(subject))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v1/quotes");
    }

    /**
     * A quote, as a payment carries it: its signed token (the answer's {@code token}; ADR 0015). The name predates
     * signed quotes and stays so the many tests that pay through it need no edit.
     */
    public static String quoteId(String subject, String walletId, String qr, String yen) {
        return quote(subject, walletId, qr, yen, "JPY")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .path("token");
    }

    /** Pays a quote: {@code quoteToken} is the quote answer's {@code token}. */
    public static Response pay(String subject, String quoteToken, String key) {
        return given().header("Authorization", travellerToken(subject))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("quoteToken", quoteToken))
                .post("/v1/payments");
    }

    public static Response refund(String merchantId, String paymentId, String amount, String currency, String key) {
        return given().header("Authorization", merchantToken(merchantId))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("amount", Map.of("amount", amount, "currency", currency)))
                .post("/v1/payments/{id}/refunds", paymentId);
    }

    public static String balanceOf(String subject, String walletId) {
        return given().header("Authorization", travellerToken(subject))
                .get("/v1/wallets/{id}", walletId)
                .then()
                .statusCode(200)
                .extract()
                .path("balance.amount");
    }
}
