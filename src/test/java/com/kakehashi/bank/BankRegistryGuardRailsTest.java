package com.kakehashi.bank;

import static com.kakehashi.support.SettlementFixtures.bankRequest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 9 item 11, as an operator would try it through the API. */
@QuarkusTest
class BankRegistryGuardRailsTest {
    private static String newId() {
        return "bank-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/var/lib/postgresql", "../../etc", "outbox/../../../root"})
    void aDirectoryOutsideTheOutboxIsRefused(String target) {
        String id = newId();
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(bankRequest(id, "JPY", "DIRECTORY", target))
                .post("/v1/banks")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("delivery_target_not_allowed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://attacker.example/intake", "http://attacker.example"})
    void anUnregisteredHostIsRefused(String target) {
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(bankRequest(newId(), "JPY", "HTTPS", target))
                .post("/v1/banks")
                .then()
                .statusCode(422)
                .body("code", equalTo("delivery_target_not_allowed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"* * * * * ?", "0 * * * * ?", "0 0/30 * * * ?"})
    void cutoffsMoreOftenThanTheMinimumAreRefused(String cron) {
        Map<String, Object> body = bankRequest(newId(), "JPY", "DIRECTORY", "guarded");
        body.put("cutoffSchedule", List.of(cron));
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v1/banks")
                .then()
                .statusCode(422)
                .body("code", equalTo("cutoff_too_frequent"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 12 * * ?;0 30 12 * * ?"})
    void twoSchedulesTogetherMayNotFireTooOftenEither(String crons) {
        Map<String, Object> body = bankRequest(newId(), "JPY", "DIRECTORY", "guarded");
        body.put("cutoffSchedule", List.of(crons.split(";")));
        given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v1/banks")
                .then()
                .statusCode(422)
                .body("code", equalTo("cutoff_too_frequent"));
    }
}
