package com.kakehashi.reconciliation;

import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.console.session.ConsoleCookieMechanism;
import com.kakehashi.support.StatementUploads;
import com.kakehashi.support.Statements;
import com.kakehashi.support.Statements.Line;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.Tokens;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The age filter is part of the break query: every page is full of breaks of that age, and paging ends with them. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class BreakAgeFilterTest {
    private static final int CONSOLE_PAGE = 25;
    private static final Pattern BREAK_LINK =
            Pattern.compile("class=\"break-link\" href=\"/console/reconciliation/breaks/([0-9a-f-]+)\"");

    @Inject
    TestClock clock;

    @Test
    void breaksOlderThanADayArePagedInTheQueryNotFilteredPerPage() {
        String bank = aSettlementBank("JPY");
        Instant firstDay = clock.instant();
        List<String> old = unexpectedLines(bank, "STMT-AGE-OLD", 30);
        clock.advance(Duration.ofDays(3));
        unexpectedLines(bank, "STMT-AGE-NEW", 30);
        Instant oneDayAgo = clock.instant().minus(Duration.ofDays(1));

        List<Map<String, Object>> all = breaks(bank, null, 0, 500);
        assertThat(all).hasSize(60);
        List<String> olderThanADay = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            List<Map<String, Object>> got = breaks(bank, oneDayAgo.toString(), page, 7);
            assertThat(got.size()).as("page %d", page).isEqualTo(page < 4 ? 7 : 2);
            got.forEach(b -> olderThanADay.add((String) b.get("counterparty")));
            assertThat(got)
                    .allMatch(b -> Instant.parse((String) b.get("createdAt")).isBefore(oneDayAgo));
        }
        assertThat(breaks(bank, oneDayAgo.toString(), 5, 7)).isEmpty();
        assertThat(olderThanADay).containsExactlyInAnyOrderElementsOf(old);
        assertThat(breaks(bank, firstDay.toString(), 0, 500))
                .as("nothing was opened before the first statement")
                .isEmpty();
    }

    @Test
    void theConsolesAgeFilterPagesOverAllBreaks() {
        String bank = aSettlementBank("JPY");
        unexpectedLines(bank, "STMT-AGE-C-OLD", CONSOLE_PAGE + 3);
        clock.advance(Duration.ofDays(2));
        unexpectedLines(bank, "STMT-AGE-C-NEW", CONSOLE_PAGE + 3);
        String cookie = given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("token", Tokens.token("ops-age", "operator"))
                .formParam("next", "/console")
                .post("/console/sign-in")
                .then()
                .statusCode(303)
                .extract()
                .cookie(ConsoleCookieMechanism.COOKIE);

        String first = consoleBreaks(cookie, bank, 0);
        String second = consoleBreaks(cookie, bank, 1);

        assertThat(links(first)).hasSize(CONSOLE_PAGE);
        assertThat(first).contains("rel=\"next\"");
        assertThat(links(second)).hasSize(3);
        assertThat(second).doesNotContain("rel=\"next\"");
        List<String> shown = new ArrayList<>(links(first));
        shown.addAll(links(second));
        List<String> oldIds = given().header("Authorization", Tokens.operator())
                .queryParam("bankId", bank)
                .queryParam(
                        "openedBefore",
                        clock.instant().minus(Duration.ofDays(1)).toString())
                .queryParam("size", 500)
                .get("/v1/reconciliation/breaks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id");
        assertThat(shown).containsExactlyElementsOf(oldIds);
    }

    @Test
    void anOpenedBeforeThatIsNoInstantIsA400Problem() {
        given().header("Authorization", Tokens.operator())
                .queryParam("openedBefore", "yesterday")
                .get("/v1/reconciliation/breaks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_request"));
    }

    private static String consoleBreaks(String cookie, String bank, int page) {
        return given().cookie(ConsoleCookieMechanism.COOKIE, cookie)
                .queryParam("bank", bank)
                .queryParam("minAgeDays", "1")
                .queryParam("page", page)
                .get("/console/reconciliation/breaks")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static List<String> links(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = BREAK_LINK.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static List<Map<String, Object>> breaks(String bank, String openedBefore, int page, int size) {
        var request = given().header("Authorization", Tokens.operator())
                .queryParam("bankId", bank)
                .queryParam("page", page)
                .queryParam("size", size);
        if (openedBefore != null) {
            request.queryParam("openedBefore", openedBefore);
        }
        return request.get("/v1/reconciliation/breaks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    /** A statement of {@code n} entries the bank was never asked to make: n UNEXPECTED breaks; their counterparties. */
    private List<String> unexpectedLines(String bank, String ref, int n) {
        LocalDate day = clock.instant().atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            lines.add(new Line("DBIT", 100 + i, day, null, ref + " PAYEE " + i));
        }
        long opening = 9_000_000;
        StatementUploads.submitAndWait(
                        bank,
                        "application/xml",
                        Statements.camt053(
                                ref, "SETTLE-" + bank, "JPY", day, opening, opening + Statements.net(lines), lines))
                .then()
                .body("state", equalTo("PROCESSED"));
        return lines.stream().map(Line::counterparty).toList();
    }
}
