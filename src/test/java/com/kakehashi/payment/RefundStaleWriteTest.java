package com.kakehashi.payment;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.balanceOf;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static com.kakehashi.support.Fixtures.refund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.support.Concurrently;
import com.kakehashi.support.LedgerChecks;
import com.kakehashi.support.WireMockBank;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A refund writes the payment only if nobody changed it since it was read (its version). Two refunds
 * that both read the same version are made to meet at the payment row: the test holds the row's lock
 * until both wait on it, so the second always finds a newer version.
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class RefundStaleWriteTest {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    LedgerChecks ledger;

    @Test
    void aRefundBasedOnAStaleReadOfThePaymentIsRefusedAndItsRetryRefundsOnce() throws Exception {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String merchant = aMerchantInTokyo();
        String paymentId = pay(
                        traveller,
                        quoteId(traveller, walletId, dynamicQr(merchant, "3000"), null),
                        UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<String> keys =
                List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());

        List<Response> answers;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            lockPayment(holder, paymentId);
            CompletableFuture<List<Response>> racing = CompletableFuture.supplyAsync(() -> {
                try {
                    return Concurrently.run(2, i -> refund(merchant, paymentId, "1000", "JPY", keys.get(i)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> refundsWaitingOnThePayment() == 2);
            holder.commit();
            answers = racing.get();
        }

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        Response stale =
                answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.<String>path("code")).isEqualTo("concurrent_modification");
        refund(merchant, paymentId, "1000", "JPY", keys.get(answers.indexOf(stale)))
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "false")
                .body("refundablePrice.amount", equalTo("1000"));
        assertThat(balanceOf(traveller, walletId)).isEqualTo("4000");
        ledger.walletBalanceMatchesPostings(walletId);
        ledger.everyJournalBalances();
    }

    private static void lockPayment(Connection c, String paymentId) throws Exception {
        try (PreparedStatement s = c.prepareStatement("select id from payment where id = ? for update")) {
            s.setObject(1, UUID.fromString(paymentId));
            s.executeQuery().close();
        }
    }

    private int refundsWaitingOnThePayment() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'
                  and query like 'update payment set refunded_price_minor%'""");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }
}
