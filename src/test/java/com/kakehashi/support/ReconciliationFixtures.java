package com.kakehashi.support;

import static io.restassured.RestAssured.given;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.reconciliation.application.Expectations;
import com.kakehashi.reconciliation.domain.ExpectedItem;
import com.kakehashi.reconciliation.domain.StatementEntry.Direction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Expected items registered by intent (what settlement or the wallet would register), and break counts. */
public final class ReconciliationFixtures {
    private ReconciliationFixtures() {}

    public static void anInstruction(
            Expectations expectations,
            String bank,
            String endToEndId,
            long yen,
            LocalDate valueDate,
            String counterparty,
            UUID batchId) {
        expect(
                expectations,
                new ExpectedItem(
                        UUID.randomUUID(),
                        bank,
                        ExpectedItem.Kind.SETTLEMENT_INSTRUCTION,
                        endToEndId,
                        batchId,
                        Direction.DBIT,
                        MinorAmount.of(yen, "JPY"),
                        valueDate,
                        counterparty));
    }

    public static void expect(Expectations expectations, ExpectedItem item) {
        QuarkusTransaction.requiringNew().run(() -> expectations.expect(item));
    }

    public static List<Map<String, Object>> breaks(String bank, String status) {
        var request = given().header("Authorization", Tokens.operator()).queryParam("bankId", bank);
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.get("/v1/reconciliation/breaks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    public static Map<String, Integer> openBreaks(String bank) {
        Map<String, Integer> byOutcome = new TreeMap<>();
        breaks(bank, "OPEN").forEach(b -> byOutcome.merge((String) b.get("outcome"), 1, Integer::sum));
        return byOutcome;
    }
}
