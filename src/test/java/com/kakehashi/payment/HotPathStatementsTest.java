package com.kakehashi.payment;

import static com.kakehashi.support.Fixtures.aMerchantInTokyo;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.dynamicQr;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quoteId;
import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The capture path stays one transaction of two SQL statements: the quote's read, then one statement
 * that claims the Idempotency-Key, uses the quote, charges the wallet and writes the payment, its
 * journal and postings (PaymentRepository.capture).
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class HotPathStatementsTest {
    /** Measured and explained in docs/architecture.md ("The hot path"). */
    static final long CAPTURE_STATEMENT_BUDGET = 2;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void capturingAPaymentUsesABoundedNumberOfStatementsInOneTransaction() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String quoteId = quoteId(traveller, walletId, dynamicQr(aMerchantInTokyo(), "1000"), null);
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();

        pay(traveller, quoteId, UUID.randomUUID().toString()).then().statusCode(201);

        assertThat(statistics.getTransactionCount()).isEqualTo(1);
        assertThat(statistics.getPrepareStatementCount()).isLessThanOrEqualTo(CAPTURE_STATEMENT_BUDGET);
        System.out.printf(
                "capture statements: %d prepared, %d entity inserts, %d transactions%n",
                statistics.getPrepareStatementCount(),
                statistics.getEntityInsertCount(),
                statistics.getTransactionCount());
    }
}
