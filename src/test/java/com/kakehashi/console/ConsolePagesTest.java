package com.kakehashi.console;

import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.kakehashi.console.session.ConsoleCookieMechanism;
import com.kakehashi.support.SettlementFixtures;
import com.kakehashi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The console over HTTP: sessions, CSRF, roles, versioned bank edits. The browser flows are in ConsoleBrowserTest. */
@QuarkusTest
class ConsolePagesTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private static Response signIn(String token) {
        return given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("token", token)
                .formParam("next", "/console/settlement")
                .post("/console/sign-in");
    }

    private static String session(String subject, String... roles) {
        return signIn(Tokens.token(subject, roles))
                .then()
                .statusCode(303)
                .extract()
                .cookie(ConsoleCookieMechanism.COOKIE);
    }

    private static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return m.group(1);
    }

    @Test
    void signingInSetsAnHttpOnlyStrictSameSiteCookieLimitedToTheConsole() {
        String setCookie = signIn(Tokens.token("ops-cookie", "operator"))
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/settlement"))
                .extract()
                .header("Set-Cookie");
        assertThat(setCookie)
                .startsWith(ConsoleCookieMechanism.COOKIE + "=")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .contains("Path=/console")
                .contains("Secure");
    }

    @Test
    void withoutASessionEveryPageSendsTheViewerToSignInAndBack() {
        given().redirects()
                .follow(false)
                .get("/console/settlement?state=DELIVERED")
                .then()
                .statusCode(303)
                .header(
                        "Location",
                        containsString("/console/sign-in?next=%2Fconsole%2Fsettlement%3Fstate%3DDELIVERED"));
        given().get("/console/sign-in")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("id=\"token\""));
    }

    @Test
    void aTokenWithoutAConsoleRoleOrAForgedOneIsRefusedAtSignIn() {
        signIn(Tokens.token("someone", "traveller"))
                .then()
                .statusCode(303)
                .header("Location", containsString("error=role"))
                .header("Set-Cookie", equalTo(null));
        signIn("not.a.token").then().statusCode(303).header("Location", containsString("error=invalid_token"));
    }

    @Test
    void theApiDoesNotTakeTheConsoleCookie() {
        String cookie = session("ops-api", "operator");
        given().cookie(ConsoleCookieMechanism.COOKIE, cookie)
                .get("/v1/banks")
                .then()
                .statusCode(401);
    }

    @Test
    void aWriteWithoutTheFormTokenIsRefusedAndChangesNothing() {
        String cookie = session("ops-csrf", "operator");
        String bank = aSettlementBank("JPY");
        given().cookie(ConsoleCookieMechanism.COOKIE, cookie)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("bank", bank)
                .post("/console/settlement/runs")
                .then()
                .statusCode(403)
                .body(containsString("csrf_refused"));
        given().cookie(ConsoleCookieMechanism.COOKIE, cookie)
                .get("/console/settlement?bank=" + bank)
                .then()
                .statusCode(200)
                .body(not(containsString("class=\"batch-link\"")));
    }

    @Test
    void aBankUserIsKeptToItsOwnBatchesAndOffOperatorPages() {
        String mine = aSettlementBank("JPY");
        String cookie = session(mine, "bank");
        given().cookie(ConsoleCookieMechanism.COOKIE, cookie)
                .redirects()
                .follow(false)
                .get("/console")
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/settlement"));
        given().cookie(ConsoleCookieMechanism.COOKIE, cookie)
                .get("/console/banks")
                .then()
                .statusCode(403);
        given().cookie(ConsoleCookieMechanism.COOKIE, cookie)
                .get("/console/fx")
                .then()
                .statusCode(403);
    }

    @Test
    void aStaleBankEditIsAConflictShownBesideTheEdit() {
        String bank = aSettlementBank("JPY");
        String cookie = session("ops-edit", "operator");
        String page = given().cookie(ConsoleCookieMechanism.COOKIE, cookie)
                .get("/console/banks/" + bank)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String csrf = csrfOf(page);
        // Someone else saves first, through the API.
        var current = SettlementFixtures.bankRequest(bank, "JPY", "DIRECTORY", bank);
        current.put("name", "Renamed by a colleague");
        current.put("version", 0);
        given().header("Authorization", Tokens.operator())
                .contentType("application/json")
                .body(current)
                .put("/v1/banks/" + bank)
                .then()
                .statusCode(200);
        given().cookie(ConsoleCookieMechanism.COOKIE, cookie)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf)
                .formParam("version", "0")
                .formParam("name", "My rename")
                .formParam("country", "JP")
                .formParam("bic", "TESTJPJTXXX")
                .formParam("timeZone", "Asia/Tokyo")
                .formParam("settlementAccount", "SETTLE-" + bank)
                .formParam("cutoffSchedule", "0 0 18 * * ?")
                .formParam("pain001", "on")
                .formParam("deliveryChannel", "DIRECTORY")
                .formParam("deliveryTarget", bank)
                .post("/console/banks/" + bank)
                .then()
                .statusCode(409)
                .body(containsString("id=\"conflict\""))
                .body(containsString("Renamed by a colleague"))
                .body(containsString("value=\"My rename\""));
        given().header("Authorization", Tokens.operator())
                .get("/v1/banks/" + bank)
                .then()
                .body("name", equalTo("Renamed by a colleague"));
    }

    @Test
    void aCurrentBankEditIsSavedThroughTheRegistry() {
        String bank = aSettlementBank("JPY");
        String cookie = session("ops-save", "operator");
        String csrf = csrfOf(given().cookie(ConsoleCookieMechanism.COOKIE, cookie)
                .get("/console/banks/" + bank)
                .asString());
        given().cookie(ConsoleCookieMechanism.COOKIE, cookie)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf)
                .formParam("version", "0")
                .formParam("name", "Kakehashi Test Bank")
                .formParam("country", "JP")
                .formParam("bic", "TESTJPJTXXX")
                .formParam("timeZone", "Asia/Tokyo")
                .formParam("settlementAccount", "SETTLE-" + bank)
                .formParam("cutoffSchedule", "0 0 18 * * ?; 0 0 12 * * ?")
                .formParam("csv", "on")
                .formParam("deliveryChannel", "DIRECTORY")
                .formParam("deliveryTarget", bank)
                .post("/console/banks/" + bank)
                .then()
                .statusCode(303);
        given().header("Authorization", Tokens.operator())
                .get("/v1/banks/" + bank)
                .then()
                .body("name", equalTo("Kakehashi Test Bank"))
                .body("version", equalTo(1))
                .body("cutoffSchedule.size()", equalTo(2))
                .body("fileFormats", equalTo(java.util.List.of("CSV")));
    }

    @Test
    void signingOutClearsTheSession() {
        String cookie = session("ops-out", "operator");
        String csrf = csrfOf(given().cookie(ConsoleCookieMechanism.COOKIE, cookie)
                .get("/console/settlement")
                .asString());
        String cleared = given().cookie(ConsoleCookieMechanism.COOKIE, cookie)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf)
                .post("/console/sign-out")
                .then()
                .statusCode(303)
                .extract()
                .header("Set-Cookie");
        assertThat(cleared).startsWith(ConsoleCookieMechanism.COOKIE + "=;").contains("Max-Age=0");
    }

    @Test
    void theDemoLoginSignsInTheDemoOperator() {
        Response response = given().redirects().follow(false).get("/console/demo-login");
        response.then()
                .statusCode(303)
                .header("Location", startsWith("http"))
                .header("Location", containsString("/console"));
        String cookie = response.cookie(ConsoleCookieMechanism.COOKIE);
        given().cookie(ConsoleCookieMechanism.COOKIE, cookie)
                .get("/console")
                .then()
                .statusCode(200)
                .body(containsString("demo-operator"))
                .body(containsString("id=\"payments-per-minute\""));
    }
}
