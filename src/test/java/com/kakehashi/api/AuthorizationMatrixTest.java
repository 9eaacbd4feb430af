package com.kakehashi.api;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.support.FxFixtures;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint x every role x own/other resource. 401 without a token, 403 for a role the call
 * does not admit, 404 for somebody else's resource (its existence is not revealed), 2xx/409 otherwise.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class AuthorizationMatrixTest {
    enum Who {
        ANONYMOUS,
        OWN_TRAVELLER,
        OTHER_TRAVELLER,
        OWN_MERCHANT,
        OTHER_MERCHANT,
        BANK,
        OPERATOR
    }

    private String traveller;
    private String walletId;
    private String merchantId;
    private String paymentId;
    private String topUpId;
    private String qr;
    private final Map<Who, String> tokens = new LinkedHashMap<>();

    @BeforeEach
    void aPaymentBetweenATravellerAndAMerchant() {
        traveller = aTravellerSubject();
        walletId = aWalletWithYen(traveller, 50_000);
        merchantId = aMerchantInTokyo();
        qr = dynamicQr(merchantId, "100");
        paymentId = pay(
                        traveller,
                        quoteId(traveller, walletId, qr, null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        tokens.put(Who.ANONYMOUS, null);
        tokens.put(Who.OWN_TRAVELLER, Tokens.bearer(traveller, "traveller"));
        tokens.put(Who.OTHER_TRAVELLER, Tokens.bearer(aTravellerSubject(), "traveller"));
        tokens.put(Who.OWN_MERCHANT, Tokens.bearer(merchantId, "merchant"));
        tokens.put(Who.OTHER_MERCHANT, Tokens.bearer(UUID.randomUUID().toString(), "merchant"));
        tokens.put(Who.BANK, Tokens.bearer("jp-funding-bank", "bank"));
        tokens.put(Who.OPERATOR, Tokens.bearer("ops-1", "operator"));
        topUpId = call(Who.OWN_TRAVELLER)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", Map.of("amount", "10", "currency", "JPY")))
                .post("/v1/wallets/{id}/top-ups", walletId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void everyEndpointAdmitsExactlyItsRolesAndOwners() {
        List<String> failures = new ArrayList<>();
        check(failures, "GET /v1/banks", (who, r) -> r.get("/v1/banks").statusCode(), only(200, Who.OPERATOR));
        check(
                failures,
                "POST /v1/merchants",
                (who, r) -> r.body(Map.of(
                                "name",
                                "Ginza Shoes",
                                "city",
                                "Tokyo",
                                "country",
                                "JP",
                                "currency",
                                "JPY",
                                "mcc",
                                "5661",
                                "bankId",
                                "jp-funding-bank",
                                "payoutAccount",
                                "ACC-1"))
                        .post("/v1/merchants")
                        .statusCode(),
                only(201, Who.OPERATOR));
        check(failures, "GET /v1/merchants", (who, r) -> r.get("/v1/merchants").statusCode(), only(200, Who.OPERATOR));
        String edited = aMerchantInTokyo(); // version 0: only the first admitted edit (the operator's) succeeds
        check(
                failures,
                "PUT /v1/merchants/{id}",
                (who, r) -> r.body(Map.of(
                                "name",
                                "Matrix Shop",
                                "city",
                                "Tokyo",
                                "country",
                                "JP",
                                "currency",
                                "JPY",
                                "mcc",
                                "5661",
                                "bankId",
                                "jp-funding-bank",
                                "payoutAccount",
                                "ACC-1",
                                "version",
                                0))
                        .put("/v1/merchants/{id}", edited)
                        .statusCode(),
                only(200, Who.OPERATOR));
        for (String path : List.of("/v1/merchants/{id}", "/v1/merchants/{id}/qr", "/v1/merchants/{id}/payments")) {
            check(
                    failures,
                    "GET " + path,
                    (who, r) -> r.get(path, merchantId).statusCode(),
                    ownerOrOperator(200, Who.OWN_MERCHANT, Who.OTHER_MERCHANT));
        }
        check(
                failures,
                "POST /v1/qr/decode",
                (who, r) -> r.body(Map.of("payload", qr)).post("/v1/qr/decode").statusCode(),
                anyAuthenticated(200));
        check(
                failures,
                "POST /v1/wallets",
                (who, r) -> r.body("{}").post("/v1/wallets").statusCode(),
                only(201, Who.OWN_TRAVELLER, Who.OTHER_TRAVELLER));
        check(
                failures,
                "GET /v1/wallets",
                (who, r) -> r.get("/v1/wallets").statusCode(),
                only(200, Who.OWN_TRAVELLER, Who.OTHER_TRAVELLER));
        for (String path : List.of("/v1/wallets/{id}", "/v1/wallets/{id}/transactions")) {
            check(
                    failures,
                    "GET " + path,
                    (who, r) -> r.get(path, walletId).statusCode(),
                    ownerOrOperator(200, Who.OWN_TRAVELLER, Who.OTHER_TRAVELLER));
        }
        check(
                failures,
                "GET /v1/wallets/{id}/top-ups/{t}",
                (who, r) ->
                        r.get("/v1/wallets/{id}/top-ups/{t}", walletId, topUpId).statusCode(),
                ownerOrOperator(200, Who.OWN_TRAVELLER, Who.OTHER_TRAVELLER));
        check(
                failures,
                "POST /v1/wallets/{id}/bank-links",
                (who, r) -> r.body(Map.of(
                                "bankCode",
                                "0005",
                                "branchCode",
                                "123",
                                "accountType",
                                "ORDINARY",
                                "accountNumber",
                                "1234567",
                                "holderName",
                                "SATO"))
                        .post("/v1/wallets/{id}/bank-links", walletId)
                        .statusCode(),
                ownerOnly(409, Who.OWN_TRAVELLER, Who.OTHER_TRAVELLER));
        check(
                failures,
                "POST /v1/wallets/{id}/top-ups",
                (who, r) -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("amount", Map.of("amount", "10", "currency", "JPY")))
                        .post("/v1/wallets/{id}/top-ups", walletId)
                        .statusCode(),
                ownerOnly(201, Who.OWN_TRAVELLER, Who.OTHER_TRAVELLER));
        check(
                failures,
                "POST /v1/quotes",
                (who, r) -> r.body(Map.of("walletId", walletId, "qr", qr))
                        .post("/v1/quotes")
                        .statusCode(),
                ownerOnly(201, Who.OWN_TRAVELLER, Who.OTHER_TRAVELLER));
        check(
                failures,
                "POST /v1/payments",
                (who, r) -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("quoteToken", quoteId(traveller, walletId, qr, null)))
                        .post("/v1/payments")
                        .statusCode(),
                ownerOnly(201, Who.OWN_TRAVELLER, Who.OTHER_TRAVELLER));
        check(
                failures,
                "GET /v1/payments/{id}",
                (who, r) -> r.get("/v1/payments/{id}", paymentId).statusCode(),
                expect(Map.of(
                        Who.ANONYMOUS,
                        401,
                        Who.OWN_TRAVELLER,
                        200,
                        Who.OTHER_TRAVELLER,
                        404,
                        Who.OWN_MERCHANT,
                        200,
                        Who.OTHER_MERCHANT,
                        404,
                        Who.BANK,
                        403,
                        Who.OPERATOR,
                        200)));
        check(
                failures,
                "POST /v1/payments/{id}/refunds",
                (who, r) -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("amount", Map.of("amount", "1", "currency", "JPY")))
                        .post("/v1/payments/{id}/refunds", paymentId)
                        .statusCode(),
                ownerOnly(201, Who.OWN_MERCHANT, Who.OTHER_MERCHANT));
        checkFx(failures);
        checkSettlement(failures);
        checkReconciliation(failures);
        assertThat(failures).isEmpty();
    }

    private void checkReconciliation(List<String> failures) {
        String statement = "statement,MATRIX-" + UUID.randomUUID() + ",JP0001-001-7777777,JPY,2026-11-25,0,0\n"
                + "seq,direction,amount,value_date,end_to_end_id,bank_reference,counterparty\n";
        check(
                failures,
                "POST /v1/reconciliation/statements",
                (who, r) -> r.contentType("text/csv")
                        .body(statement)
                        .post("/v1/reconciliation/statements?bankId=jp-funding-bank")
                        .statusCode(),
                expect(Map.of(
                        Who.ANONYMOUS,
                        401,
                        Who.OWN_TRAVELLER,
                        403,
                        Who.OTHER_TRAVELLER,
                        403,
                        Who.OWN_MERCHANT,
                        403,
                        Who.OTHER_MERCHANT,
                        403,
                        Who.BANK,
                        202,
                        Who.OPERATOR,
                        200)));
        check(
                failures,
                "GET /v1/reconciliation/breaks",
                (who, r) -> r.get("/v1/reconciliation/breaks").statusCode(),
                only(200, Who.BANK, Who.OPERATOR));
        check(
                failures,
                "GET /v1/reconciliation/reports/banks/{id}",
                (who, r) -> r.get("/v1/reconciliation/reports/banks/{id}", "jp-funding-bank")
                        .statusCode(),
                only(200, Who.BANK, Who.OPERATOR));
        check(
                failures,
                "POST /v1/reconciliation/breaks/{id}/assignment",
                (who, r) -> r.body(Map.of("assignee", "x"))
                        .post("/v1/reconciliation/breaks/{id}/assignment", UUID.randomUUID())
                        .statusCode(),
                only(404, Who.OPERATOR));
    }

    private void checkSettlement(List<String> failures) {
        // A cut-off before the first test began: the bank's batch is empty and takes no other test's payments.
        String at = com.kakehashi.support.TestClock.FIRST_TEST_STARTS.toString();
        String batchId = given().header("Authorization", tokens.get(Who.OPERATOR))
                .contentType(ContentType.JSON)
                .body(Map.of("bankId", "jp-funding-bank", "cutoff", at))
                .post("/v1/settlement/runs")
                .then()
                .extract()
                .path("id");
        check(
                failures,
                "POST /v1/settlement/runs",
                (who, r) -> r.body(Map.of("bankId", "jp-funding-bank", "cutoff", at))
                        .post("/v1/settlement/runs")
                        .statusCode(),
                only(200, Who.OPERATOR));
        check(
                failures,
                "GET /v1/settlement/batches",
                (who, r) -> r.get("/v1/settlement/batches").statusCode(),
                only(200, Who.BANK, Who.OPERATOR));
        check(
                failures,
                "GET /v1/settlement/batches/{id}",
                (who, r) -> r.get("/v1/settlement/batches/{id}", batchId).statusCode(),
                only(200, Who.BANK, Who.OPERATOR));
        check(
                failures,
                "POST /v1/settlement/batches/{id}/redeliver",
                (who, r) ->
                        r.post("/v1/settlement/batches/{id}/redeliver", batchId).statusCode(),
                only(200, Who.OPERATOR));
        check(
                failures,
                "GET /v1/banks/{id}",
                (who, r) -> r.get("/v1/banks/{id}", "jp-funding-bank").statusCode(),
                only(200, Who.OPERATOR));
        check(
                failures,
                "GET /v1/calendars/{c}/days",
                (who, r) -> r.get("/v1/calendars/{c}/days", "JP").statusCode(),
                only(200, Who.OPERATOR));
        check(
                failures,
                "GET /v1/calendars/{c}/business-day",
                (who, r) -> r.queryParam("date", "2026-12-31")
                        .get("/v1/calendars/{c}/business-day", "JP")
                        .statusCode(),
                only(200, Who.OPERATOR));
        check(
                failures,
                "PUT /v1/calendars/{c}/days/{d}",
                (who, r) -> r.body(Map.of("kind", "OPEN", "name", "matrix"))
                        .put("/v1/calendars/{c}/days/{d}", "XX", "2031-01-04")
                        .statusCode(),
                only(204, Who.OPERATOR));
    }

    private void checkFx(List<String> failures) {
        FxFixtures.publish("SEK", "NOK", "1.02", "matrix", java.time.Instant.parse("2025-12-01T00:00:00Z"));
        String at = "2026-01-01T00:00:00Z";
        check(
                failures,
                "POST /v1/fx/rates",
                (who, r) -> r.body(Map.of(
                                "base",
                                "SEK",
                                "quote",
                                "NOK",
                                "mid",
                                "1.03",
                                "source",
                                "matrix",
                                "validFrom",
                                java.time.Instant.parse("2025-12-02T00:00:00Z")
                                        .plusSeconds(UUID.randomUUID().hashCode() & 0xFFFFF)
                                        .toString()))
                        .post("/v1/fx/rates")
                        .statusCode(),
                only(201, Who.OPERATOR));
        check(
                failures,
                "GET /v1/fx/rates",
                (who, r) -> r.get("/v1/fx/rates?base=SEK&quote=NOK&at=" + at).statusCode(),
                anyAuthenticated(200));
        check(
                failures,
                "GET /v1/fx/rates/history",
                (who, r) -> r.get("/v1/fx/rates/history?base=SEK&quote=NOK").statusCode(),
                anyAuthenticated(200));
        check(
                failures,
                "GET /v1/fx/convert",
                (who, r) -> r.get("/v1/fx/convert?from=SEK&to=NOK&amount=10&at=" + at)
                        .statusCode(),
                anyAuthenticated(200));
        check(
                failures,
                "GET /v1/fx/positions",
                (who, r) -> r.get("/v1/fx/positions").statusCode(),
                only(200, Who.OPERATOR));
        check(
                failures,
                "POST /v1/fx/rate-files",
                (who, r) -> r.contentType("text/csv")
                        .body("base,quote,bid,mid,ask,valid_from\nSEK,NOK,,1.01,,2025-11-01T00:00:00Z\n")
                        .post("/v1/fx/rate-files?format=bank-csv&bankId=jp-funding-bank")
                        .statusCode(),
                only(200, Who.BANK, Who.OPERATOR));
        check(
                failures,
                "GET /v1/fx/rates/pending",
                (who, r) -> r.get("/v1/fx/rates/pending").statusCode(),
                only(200, Who.OPERATOR));
        java.time.Instant heldAt = java.time.Instant.parse("2025-12-10T00:00:00Z")
                .plusSeconds(UUID.randomUUID().hashCode() & 0xFFFFF);
        FxFixtures.publish("DKK", "ISK", "18.00", "matrix", heldAt);
        String toApprove = FxFixtures.publish("DKK", "ISK", "30.00", "matrix", heldAt.plusSeconds(1))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        String toReject = FxFixtures.publish("DKK", "ISK", "31.00", "matrix", heldAt.plusSeconds(2))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        check(
                failures,
                "GET /v1/fx/rates/pending/{id}",
                (who, r) -> r.get("/v1/fx/rates/pending/{id}", toReject).statusCode(),
                only(200, Who.OPERATOR));
        check(
                failures,
                "POST /v1/fx/rates/pending/{id}/rejection",
                (who, r) -> r.body(Map.of("reason", "matrix"))
                        .post("/v1/fx/rates/pending/{id}/rejection", toReject)
                        .statusCode(),
                only(200, Who.OPERATOR));
        check(
                failures,
                "POST /v1/fx/rates/pending/{id}/approval",
                (who, r) ->
                        r.post("/v1/fx/rates/pending/{id}/approval", toApprove).statusCode(),
                only(200, Who.OPERATOR));
    }

    private void check(
            List<String> failures,
            String endpoint,
            BiFunction<Who, RequestSpecification, Integer> call,
            Map<Who, Integer> expected) {
        for (Who who : Who.values()) {
            int status = call.apply(who, call(who));
            if (status != expected.get(who)) {
                failures.add(endpoint + " as " + who + ": expected " + expected.get(who) + " got " + status);
            }
        }
    }

    private RequestSpecification call(Who who) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        String token = tokens.get(who);
        return token == null ? spec : spec.header("Authorization", token);
    }

    /** Only these callers get {@code ok}; everybody else authenticated gets 403. */
    private static Map<Who, Integer> only(int ok, Who... allowed) {
        Map<Who, Integer> m = new LinkedHashMap<>();
        for (Who who : Who.values()) {
            m.put(who, who == Who.ANONYMOUS ? 401 : 403);
        }
        for (Who who : allowed) {
            m.put(who, ok);
        }
        return m;
    }

    private static Map<Who, Integer> anyAuthenticated(int ok) {
        return only(
                ok,
                Who.OWN_TRAVELLER,
                Who.OTHER_TRAVELLER,
                Who.OWN_MERCHANT,
                Who.OTHER_MERCHANT,
                Who.BANK,
                Who.OPERATOR);
    }

    /** The owner and operators see it; the same role's other subjects get 404. */
    private static Map<Who, Integer> ownerOrOperator(int ok, Who owner, Who otherOfSameRole) {
        Map<Who, Integer> m = only(ok, owner, Who.OPERATOR);
        m.put(otherOfSameRole, 404);
        return m;
    }

    /** Only the owner may; the same role's other subjects get 404, operators 403. */
    private static Map<Who, Integer> ownerOnly(int ok, Who owner, Who otherOfSameRole) {
        Map<Who, Integer> m = only(ok, owner);
        m.put(otherOfSameRole, 404);
        return m;
    }

    private static Map<Who, Integer> expect(Map<Who, Integer> all) {
        return all;
    }
}
