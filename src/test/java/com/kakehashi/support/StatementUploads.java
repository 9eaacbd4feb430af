package com.kakehashi.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/**
 * Statements are taken in (202) and processed in the background: these helpers submit one and wait for
 * its status resource to say PROCESSED or FAILED.
 */
public final class StatementUploads {
    private StatementUploads() {}

    /** Submits as the bank itself; returns the final status (or the 200 answer for content already processed). */
    public static Response submitAndWait(String bank, String contentType, Object body) {
        var request =
                given().header("Authorization", Tokens.bearer(bank, "bank")).contentType(contentType);
        Response posted = (body instanceof byte[] bytes ? request.body(bytes) : request.body((String) body))
                .post("/v1/reconciliation/statements");
        return waitFor(posted, Tokens.bearer(bank, "bank"));
    }

    public static Response waitFor(Response posted, String token) {
        assertThat(posted.statusCode()).as(posted.asString()).isIn(200, 202);
        if (posted.statusCode() == 200) {
            return posted;
        }
        String id = posted.path("statementId");
        return finalStatus(id, token);
    }

    public static Response finalStatus(String id, String token) {
        AtomicReference<Response> last = new AtomicReference<>();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    Response status =
                            given().header("Authorization", token).get("/v1/reconciliation/statements/{id}", id);
                    last.set(status);
                    String state = status.path("state");
                    return "PROCESSED".equals(state) || "FAILED".equals(state);
                });
        return last.get();
    }
}
