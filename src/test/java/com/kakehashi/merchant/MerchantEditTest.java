package com.kakehashi.merchant;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An operator edits a merchant with the version it read; a stale version or an invalid field is a problem. */
@QuarkusTest
class MerchantEditTest {
    @Test
    void anOperatorChangesAMerchantAndItsVersionMovesOn() {
        String id = aMerchantInTokyo();
        Map<String, Object> edit = editOf(id);
        edit.put("name", "Akihabara Denki 2");
        edit.put("city", "Chiyoda");
        edit.put("mcc", "5734");
        edit.put("payoutAccount", "ACC-NEW-1");

        put(id, edit)
                .then()
                .statusCode(200)
                .body("name", equalTo("Akihabara Denki 2"))
                .body("city", equalTo("Chiyoda"))
                .body("mcc", equalTo("5734"))
                .body("payoutAccount", equalTo("ACC-NEW-1"))
                .body("version", equalTo(1))
                .body("country", equalTo("JP"))
                .body("currency", equalTo("JPY"));
        given().header("Authorization", Tokens.operator())
                .get("/v1/merchants/{id}/qr", id)
                .then()
                .statusCode(200)
                .body("payload", containsString("Akihabara Denki 2"))
                .body("payload", containsString("Chiyoda"));
    }

    @Test
    void anEditMadeFromAStaleVersionIsA409ProblemAndChangesNothing() {
        String id = aMerchantInTokyo();
        Map<String, Object> first = editOf(id);
        Map<String, Object> second = editOf(id); // both read version 0
        first.put("name", "First Editor");
        second.put("name", "Second Editor");
        put(id, first).then().statusCode(200);

        put(id, second)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("concurrent_modification"))
                .body("detail", containsString("version 1, not 0"));
        given().header("Authorization", Tokens.operator())
                .get("/v1/merchants/{id}", id)
                .then()
                .body("name", equalTo("First Editor"))
                .body("version", equalTo(1));
    }

    @Test
    void anEditIsValidatedLikeARegistration() {
        String id = aMerchantInTokyo();
        Map<String, Map<String, Object>> invalid = Map.of(
                "name", with(id, "name", "名前は ASCII のみ"),
                "city", with(id, "city", "A city name far too long"),
                "mcc", with(id, "mcc", "57A2"),
                "payoutAccount", with(id, "payoutAccount", "ACC 1/2"),
                "payoutAccountHolderKana", with(id, "payoutAccountHolderKana", "やまだ"),
                "bank", with(id, "bankId", "cn-settlement-bank"),
                "currency", with(id, "currency", "CNY"),
                "country", with(id, "country", "CN"));
        invalid.forEach((what, edit) -> put(id, edit)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_request")));
        Map<String, Object> noVersion = editOf(id);
        noVersion.remove("version");
        put(id, noVersion).then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Tokens.operator())
                .get("/v1/merchants/{id}", id)
                .then()
                .body("name", equalTo("Akihabara Denki"))
                .body("version", equalTo(0));
    }

    @Test
    void anUnknownMerchantIsA404Problem() {
        put("00000000-0000-7000-8000-000000000000", editOf(aMerchantInTokyo()))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("merchant_not_found"));
    }

    private static Map<String, Object> with(String id, String field, Object value) {
        Map<String, Object> edit = editOf(id);
        edit.put(field, value);
        return edit;
    }

    /** The merchant as read, in the shape of an edit (with the version read). */
    private static Map<String, Object> editOf(String id) {
        Map<String, Object> read = given().header("Authorization", Tokens.operator())
                .get("/v1/merchants/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        Map<String, Object> edit = new HashMap<>();
        for (String field : new String[] {
            "name",
            "city",
            "country",
            "currency",
            "mcc",
            "bankId",
            "payoutAccount",
            "payoutAccountHolderKana",
            "version"
        }) {
            if (read.get(field) != null) {
                edit.put(field, read.get(field));
            }
        }
        return edit;
    }

    private static Response put(String id, Map<String, Object> body) {
        return given().header("Authorization", Tokens.operator())
                .contentType(ContentType.JSON)
                .body(body)
                .put("/v1/merchants/{id}", id);
    }
}
