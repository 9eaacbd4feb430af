package com.kakehashi.security;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.merchantToken;
import static com.kakehashi.support.Fixtures.travellerToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.kakehashi.qr.application.MerchantQrCodes;
import com.kakehashi.qr.emv.DataObject;
import com.kakehashi.qr.emv.EmvQrCodec;
import com.kakehashi.qr.emv.MerchantAccountInfo;
import com.kakehashi.qr.emv.MerchantPresentedQr;
import com.kakehashi.qr.emv.PointOfInitiation;
import com.kakehashi.support.SettlementFixtures;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The attacks of issue 9 (items 8-10) on real PostgreSQL: each is refused with a 4xx problem and a
 * stable code, never a 5xx, an empty body or a leak of our internals.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class HostileInputTest {
    @TestHTTPResource("/")
    URL root;

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("correlationId", notNullValue())
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("com.")));
    }

    private static String merchantJson(String name) {
        return "{\"name\":" + name + ",\"city\":\"Tokyo\",\"country\":\"JP\",\"currency\":\"JPY\",\"mcc\":\"5732\","
                + "\"bankId\":\"jp-funding-bank\",\"payoutAccount\":\"ACC-1\"}";
    }

    @Test
    void aNulByteInThePathIsAProblemNotAServerError() {
        problem(
                given().header("Authorization", Tokens.operator())
                        .urlEncodingEnabled(false)
                        .get("/v1/banks/a%00b")
                        .then(),
                400,
                "invalid_request");
        problem(
                given().header("Authorization", Tokens.operator())
                        .urlEncodingEnabled(false)
                        .get("/v1/settlement/batches?state=%00")
                        .then(),
                400,
                "invalid_request");
    }

    @Test
    void aNulByteInAJsonStringIsRefusedBeforeItReachesTheDatabase() {
        problem(
                        given().header("Authorization", Tokens.operator())
                                .contentType(ContentType.JSON)
                                .body(merchantJson("\"Akiba\\u0000Denki\""))
                                .post("/v1/merchants")
                                .then(),
                        400,
                        "invalid_request")
                .body("detail", equalTo("Field 'name' must not contain control characters such as NUL"));
    }

    @Test
    void aNulByteInAnUploadedCsvIsAProblem() {
        String bank = SettlementFixtures.aSettlementBank("JPY");
        ValidatableResponse response = given().header("Authorization", Tokens.bearer(bank, "bank"))
                .contentType("text/csv")
                .body("CNY,JPY,\u0000,21.1\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("format", "bank-csv")
                .post("/v1/fx/rate-files")
                .then();
        assertThat(response.extract().statusCode()).isBetween(400, 499);
        response.contentType("application/problem+json").body("code", notNullValue());
    }

    @Test
    void anInstantBeyondYear9999IsRefusedInQueriesAndBodies() {
        problem(
                        given().header("Authorization", Tokens.operator())
                                .queryParam("from", "+999999999-12-31T23:59:59Z")
                                .get("/v1/settlement/batches")
                                .then(),
                        400,
                        "invalid_request")
                .body("detail", containsString("between years 1970 and 9999"));
        String bank = SettlementFixtures.aSettlementBank("JPY");
        Map<String, Object> farFuture =
                new java.util.HashMap<>(SettlementFixtures.bankRequest(bank, "JPY", "DIRECTORY", bank));
        farFuture.put("settlesFrom", "+999999999-12-31T23:59:59Z");
        problem(
                        given().header("Authorization", Tokens.operator())
                                .contentType(ContentType.JSON)
                                .body(farFuture)
                                .put("/v1/banks/{id}", bank)
                                .then(),
                        400,
                        "invalid_request")
                .body("detail", containsString("Field 'settlesFrom' must be an ISO-8601 instant"));
    }

    @Test
    void aHugePageNumberIsAProblemNotAnOverflow() {
        problem(
                given().header("Authorization", Tokens.operator())
                        .queryParam("page", "2147483647")
                        .get("/v1/merchants")
                        .then(),
                400,
                "invalid_request");
    }

    @Test
    void aDynamicQrAmountLongerThanThirteenCharactersIsRefused() {
        String tokyo = aMerchantInTokyo();
        problem(
                        given().header("Authorization", merchantToken(tokyo))
                                .queryParam("amount", "12345678901234")
                                .get("/v1/merchants/{id}/qr", tokyo)
                                .then(),
                        400,
                        "invalid_amount")
                .body("detail", containsString("13 characters"));
        given().header("Authorization", merchantToken(tokyo))
                .queryParam("amount", "1234567890123")
                .get("/v1/merchants/{id}/qr", tokyo)
                .then()
                .statusCode(200);
    }

    @Test
    void aJsonValueOfTheWrongTypeIsAProblemNamingTheField() {
        String traveller = aTravellerSubject();
        problem(
                        given().header("Authorization", travellerToken(traveller))
                                .header("Idempotency-Key", "k-" + traveller)
                                .contentType(ContentType.JSON)
                                .body("{\"quoteToken\":5}")
                                .post("/v1/payments")
                                .then(),
                        400,
                        "malformed_json")
                .body("detail", equalTo("Field 'quoteToken' must be a string"));
    }

    @Test
    void scalarsAreNotCoerced() {
        problem(
                        given().header("Authorization", Tokens.operator())
                                .contentType(ContentType.JSON)
                                .body(merchantJson("123"))
                                .post("/v1/merchants")
                                .then(),
                        400,
                        "malformed_json")
                .body("detail", equalTo("Field 'name' must be a string"));
        String bank = SettlementFixtures.aSettlementBank("JPY");
        Map<String, Object> epochSeconds =
                new java.util.HashMap<>(SettlementFixtures.bankRequest(bank, "JPY", "DIRECTORY", bank));
        epochSeconds.put("settlesFrom", 123);
        problem(
                        given().header("Authorization", Tokens.operator())
                                .contentType(ContentType.JSON)
                                .body(epochSeconds)
                                .put("/v1/banks/{id}", bank)
                                .then(),
                        400,
                        "malformed_json")
                .body("detail", containsString("Field 'settlesFrom' must be an ISO-8601 instant"));
        problem(
                        given().header("Authorization", Tokens.operator())
                                .contentType(ContentType.JSON)
                                .body("{\"base\":\"CNY\",\"quote\":\"JPY\",\"mid\":21.15,\"source\":\"desk\"}")
                                .post("/v1/fx/rates")
                                .then(),
                        400,
                        "malformed_json")
                .body("detail", equalTo("Field 'mid' must be a string"));
    }

    @Test
    void anEmptyVersionCannotSkipTheOptimisticLock() {
        String bank = SettlementFixtures.aSettlementBank("JPY");
        Map<String, Object> update =
                new java.util.HashMap<>(SettlementFixtures.bankRequest(bank, "JPY", "DIRECTORY", bank));
        update.put("version", "");
        problem(
                        given().header("Authorization", Tokens.operator())
                                .contentType(ContentType.JSON)
                                .body(update)
                                .put("/v1/banks/{id}", bank)
                                .then(),
                        400,
                        "malformed_json")
                .body("detail", equalTo("Field 'version' must be a whole number"));
    }

    @Test
    void aBodyWithoutAContentTypeIsRefusedWithAProblem() throws Exception {
        String response = raw("POST /v1/merchants HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + Tokens.operator()
                + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(response)
                .startsWith("HTTP/1.1 415")
                .contains("application/problem+json")
                .contains("\"code\":\"unsupported_media_type\"");
    }

    @Test
    void aWrongContentTypeIsAProblemThatNamesIt() {
        problem(
                        given().header("Authorization", Tokens.operator())
                                .contentType("text/plain")
                                .body("{}")
                                .post("/v1/merchants")
                                .then(),
                        415,
                        "unsupported_media_type")
                .body("detail", containsString("'text/plain"));
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() throws Exception {
        String response = raw("POST /v1/merchants HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100000000\r\n\r\n{");
        assertThat(response)
                .startsWith("HTTP/1.1 413")
                .contains("application/problem+json")
                .contains("\"code\":\"payload_too_large\"");
    }

    @Test
    void aUriOverTheLimitIsA414Problem() {
        problem(
                given().header("Authorization", Tokens.operator())
                        .get("/v1/banks/" + "x".repeat(5000))
                        .then(),
                414,
                "uri_too_long");
    }

    @Test
    void aUriOfHundredsOfKibibytesIsStillA414Problem() throws Exception {
        String response = raw("GET /v1/banks/" + "x".repeat(900 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(response)
                .startsWith("HTTP/1.1 414")
                .contains("application/problem+json")
                .contains("\"code\":\"uri_too_long\"");
    }

    @Test
    void aQrWhoseCountryContradictsTheMerchantIsRefusedAtQuoteTime() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 0);
        String tokyo = aMerchantInTokyo();
        String claimsChina = EmvQrCodec.encode(MerchantPresentedQr.builder()
                .pointOfInitiation(PointOfInitiation.DYNAMIC)
                .merchantAccount(
                        MerchantAccountInfo.template("26", MerchantQrCodes.GUID, List.of(new DataObject("01", tokyo))))
                .merchantCategoryCode("5732")
                .transactionCurrency("392")
                .transactionAmount("100")
                .countryCode("CN")
                .merchantName("Akihabara Denki")
                .merchantCity("Tokyo")
                .build());
        problem(
                given().header("Authorization", travellerToken(traveller))
                        .contentType(ContentType.JSON)
                        .body(Map.of("walletId", walletId, "qr", claimsChina))
                        .post("/v1/quotes")
                        .then(),
                422,
                "qr_country_mismatch");
    }

    /** A request written by hand, for what an HTTP client library will not send. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            StringBuilder answer = new StringBuilder();
            int read;
            while (!answer.toString().contains("}") && (read = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            return answer.toString();
        }
    }
}
