package com.kakehashi.fx;

import static com.kakehashi.support.FxFixtures.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.kakehashi.support.Fixtures;
import com.kakehashi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rate store through its API. Exotic pairs and past instants keep these rates out of payment tests. */
@QuarkusTest
class FxRatesApiTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    private static io.restassured.specification.RequestSpecification asTraveller() {
        return given().header("Authorization", Fixtures.travellerToken(Fixtures.aTravellerSubject()));
    }

    @Test
    void anOperatorPublishesARateAndRepublishingItIsRecognisedNotDoubled() {
        publish("CHF", "SEK", "11.8100", "desk-a", T0)
                .then()
                .statusCode(201)
                .body("base", equalTo("CHF"))
                .body("quote", equalTo("SEK"))
                .body("mid", equalTo("11.81"))
                .body("source", equalTo("desk-a"))
                .body("validFrom", equalTo(T0.toString()));
        publish("CHF", "SEK", "11.81", "desk-a", T0).then().statusCode(200).body("mid", equalTo("11.81"));
        publish("CHF", "SEK", "11.90", "desk-a", T0)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("rate_conflict"));

        asTraveller()
                .queryParam("base", "CHF")
                .queryParam("quote", "SEK")
                .get("/v1/fx/rates/history")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void theRateInForceAtATimeIsAnsweredWithItsSourceAndPath() {
        publish("NOK", "DKK", "0.6400", "desk-b", T0).then().statusCode(201);
        publish("NOK", "DKK", "0.6500", "desk-b", T0.plusSeconds(3600)).then().statusCode(201);

        asTraveller()
                .queryParams(
                        "base",
                        "NOK",
                        "quote",
                        "DKK",
                        "at",
                        T0.plusSeconds(1800).toString())
                .get("/v1/fx/rates")
                .then()
                .statusCode(200)
                .body("mid", equalTo("0.64"))
                .body("source", equalTo("desk-b"))
                .body("validFrom", equalTo(T0.toString()))
                .body("path.kind", equalTo("DIRECT"))
                .body("path.legs", hasSize(1));
        asTraveller()
                .queryParams("base", "NOK", "quote", "DKK")
                .get("/v1/fx/rates")
                .then()
                .statusCode(200)
                .body("mid", equalTo("0.65"));
        asTraveller()
                .queryParams("base", "DKK", "quote", "NOK")
                .get("/v1/fx/rates")
                .then()
                .statusCode(200)
                .body("path.kind", equalTo("INVERSE"))
                .body("mid", equalTo("1.5384615384615384615"));
        asTraveller()
                .queryParams(
                        "base", "NOK", "quote", "DKK", "at", T0.minusSeconds(1).toString())
                .get("/v1/fx/rates")
                .then()
                .statusCode(422)
                .body("code", equalTo("fx_rate_unavailable"));
    }

    @Test
    void aMissingPairIsBuiltThroughAPivotAndSaysSo() {
        publish("PLN", "USD", "0.25", "desk-c", T0).then().statusCode(201);
        publish("USD", "CZK", "23.40", "desk-c", T0).then().statusCode(201);

        asTraveller()
                .queryParams("base", "PLN", "quote", "CZK")
                .get("/v1/fx/rates")
                .then()
                .statusCode(200)
                .body("mid", equalTo("5.85"))
                .body("path.kind", equalTo("CROSS"))
                .body("path.via", equalTo("USD"))
                .body("path.legs", hasSize(2));
        // 1234.57 PLN × 5.85 = 7222.2345 CZK, rounded once at the end, half-even: 7222.23
        asTraveller()
                .queryParams("from", "PLN", "to", "CZK", "amount", "1234.57")
                .get("/v1/fx/convert")
                .then()
                .statusCode(200)
                .body("amount.amount", equalTo("7222.23"))
                .body("amount.currency", equalTo("CZK"))
                .body("rate", equalTo("5.85"))
                .body("path.kind", equalTo("CROSS"))
                .body("rounding", equalTo("HALF_EVEN"));
    }

    @Test
    void badRatesAndQueriesAreProblemsNeverServerErrors() {
        publish("CHF", "CHF", "1", "desk-d", T0).then().statusCode(400).body("code", equalTo("invalid_rate"));
        publish("CHF", "XXQ", "1", "desk-d", T0).then().statusCode(400).body("code", equalTo("unsupported_currency"));
        publish("CHF", "SEK", "-1", "desk-d", T0).then().statusCode(400).body("code", equalTo("invalid_rate"));
        publish("CHF", "SEK", "1.1234567890123", "desk-d", T0)
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_rate"));
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body("{\"base\":\"CHF\",\"quote\":\"SEK\",\"mid\":\"11\",\"bid\":\"12\",\"source\":\"d\"}")
                .post("/v1/fx/rates")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_rate"));
        asTraveller()
                .queryParams("base", "CHF", "quote", "SEK", "at", "yesterday")
                .get("/v1/fx/rates")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_request"));
        asTraveller()
                .queryParams("from", "CHF", "to", "SEK", "amount", "-5")
                .get("/v1/fx/convert")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_amount"));
        asTraveller()
                .queryParams("from", "JPY", "to", "SEK", "amount", "1.5")
                .get("/v1/fx/convert")
                .then()
                .statusCode(400)
                .body("code", equalTo("amount_precision"));
    }

    @Test
    void outOfRangeOrNumericTimestampsAndUncappedFiguresAreProblemsNeverServerErrors() {
        for (String validFrom : new String[] {
            "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-01-05",
            "2026-01-05T00:00:00\\u0000Z",
            "10000-01-01T00:00:00Z"
        }) {
            given().header("Authorization", Tokens.operator())
                    .contentType(ContentType.JSON)
                    .body("{\"base\":\"CHF\",\"quote\":\"SEK\",\"mid\":\"11\",\"source\":\"d\",\"validFrom\":\""
                            + validFrom + "\"}")
                    .post("/v1/fx/rates")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("invalid_request")); // a string, but not an instant we accept
        }
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body("{\"base\":\"CHF\",\"quote\":\"SEK\",\"mid\":\"11\",\"source\":\"d\",\"validFrom\":123}")
                .post("/v1/fx/rates")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        for (String at : new String[] {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z"}) {
            asTraveller()
                    .queryParams("base", "CHF", "quote", "SEK", "at", at)
                    .get("/v1/fx/rates")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("invalid_request"));
            asTraveller()
                    .queryParams("from", "CHF", "to", "SEK", "amount", "1", "at", at)
                    .get("/v1/fx/convert")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("invalid_request"));
            asTraveller()
                    .queryParams("base", "CHF", "quote", "SEK", "to", at)
                    .get("/v1/fx/rates/history")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("invalid_request"));
        }
        asTraveller()
                .queryParams("base", "CHF", "quote", "SEK", "page", "2147483647")
                .get("/v1/fx/rates/history")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));

        for (String line : new String[] {
            "RON,BGN,,1e-1,,2026-01-04T00:00:00Z",
            "RON,BGN,,0.3931234567891234,,2026-01-04T00:00:00Z",
            "RON,BGN,,0.39,,-999999999-01-01T00:00:00Z",
            "RON,BGN,,0.39,,+999999999-12-31T23:59:59Z",
            "RON,BGN,,0.39,,1700000000"
        }) {
            given().header("Authorization", Tokens.bearer("cn-settlement-bank", "bank"))
                    .contentType("text/csv")
                    .body("base,quote,bid,mid,ask,valid_from\n" + line + "\n")
                    .post("/v1/fx/rate-files?format=bank-csv")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("rate_file_invalid"));
        }
        String ecb = """
                <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
                  <Cube><Cube time='2026-01-02'><Cube currency='ISK' rate='145.3000000000001'/></Cube></Cube>
                </gesmes:Envelope>
                """;
        given().header("Authorization", Tokens.operator())
                .contentType("application/xml")
                .body(ecb)
                .post("/v1/fx/rate-files?format=ecb")
                .then()
                .statusCode(400)
                .body("code", equalTo("rate_file_invalid"));
    }

    @Test
    void onlyOperatorsPublishRatesAndReadPositions() {
        asTraveller()
                .contentType(ContentType.JSON)
                .body("{\"base\":\"CHF\",\"quote\":\"SEK\",\"mid\":\"11\",\"source\":\"d\"}")
                .post("/v1/fx/rates")
                .then()
                .statusCode(403);
        asTraveller().get("/v1/fx/positions").then().statusCode(403);
        given().get("/v1/fx/rates?base=CHF&quote=SEK").then().statusCode(401);
        given().header("Authorization", Tokens.operator())
                .get("/v1/fx/positions")
                .then()
                .statusCode(200);
    }

    @Test
    void anEcbFileAndABankCsvAreImportedAllOrNothingAndOnlyOnce() {
        String ecb = """
                <?xml version="1.0" encoding="UTF-8"?>
                <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
                  <Cube><Cube time='2026-01-02'><Cube currency='ISK' rate='145.30'/><Cube currency='HUF' rate='395.10'/></Cube></Cube>
                </gesmes:Envelope>
                """;
        given().header("Authorization", Tokens.operator())
                .contentType("application/xml")
                .body(ecb)
                .post("/v1/fx/rate-files?format=ecb")
                .then()
                .statusCode(200)
                .body("received", equalTo(2))
                .body("stored", equalTo(2))
                .body("source", equalTo("ECB"));
        given().header("Authorization", Tokens.operator())
                .contentType("application/xml")
                .body(ecb)
                .post("/v1/fx/rate-files?format=ecb")
                .then()
                .statusCode(200)
                .body("stored", equalTo(0))
                .body("alreadyKnown", equalTo(2));

        String csv = "base,quote,bid,mid,ask,valid_from\nRON,BGN,0.39,0.393,0.396,2026-01-02T00:00:00Z\n";
        given().header("Authorization", Tokens.bearer("cn-settlement-bank", "bank"))
                .contentType("text/csv")
                .body(csv)
                .post("/v1/fx/rate-files?format=bank-csv")
                .then()
                .statusCode(200)
                .body("source", equalTo("bank:cn-settlement-bank"))
                .body("stored", equalTo(1));
        given().header("Authorization", Tokens.bearer("cn-settlement-bank", "bank"))
                .contentType("text/csv")
                .body(csv)
                .post("/v1/fx/rate-files?format=bank-csv&bankId=jp-funding-bank")
                .then()
                .statusCode(403);

        String broken = "base,quote,bid,mid,ask,valid_from\nRON,BGN,,0.40,,2026-01-03T00:00:00Z\nRON,BGN,,oops,,x\n";
        given().header("Authorization", Tokens.operator())
                .contentType("text/csv")
                .body(broken)
                .post("/v1/fx/rate-files?format=bank-csv&bankId=cn-settlement-bank")
                .then()
                .statusCode(400)
                .body("code", equalTo("rate_file_invalid"))
                .body("detail", org.hamcrest.Matchers.containsString("line 3"));
        asTraveller()
                .queryParams("base", "RON", "quote", "BGN")
                .get("/v1/fx/rates/history")
                .then()
                .statusCode(200)
                .body("$", hasSize(1)); // the broken file changed nothing

        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        given().header("Authorization", Tokens.operator())
                .contentType("application/xml")
                .body(xxe)
                .post("/v1/fx/rate-files?format=ecb")
                .then()
                .statusCode(400)
                .body("code", equalTo("rate_file_invalid"));
    }
}
