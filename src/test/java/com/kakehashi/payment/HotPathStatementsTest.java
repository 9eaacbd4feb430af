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
 * The hot path's shape (docs/architecture.md, "The hot path"; ADR 0015): a quote writes nothing (it is a sealed
 * token); a capture is one transaction of one SQL statement that claims the Idempotency-Key, takes the quote's
 * single use (the payment's unique quote id), charges the wallet and writes the payment, its journal and postings
 * (PaymentRepository.capture).
 */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
class HotPathStatementsTest {
    /** Measured and explained in docs/architecture.md ("The hot path"). */
    static final long CAPTURE_STATEMENT_BUDGET = 1;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void aQuoteWritesNothing() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String qr = dynamicQr(aMerchantInTokyo(), "1000");
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();

        quoteId(traveller, walletId, qr, null);

        assertThat(statistics.getEntityInsertCount()).isZero();
        assertThat(statistics.getEntityUpdateCount()).isZero();
        assertThat(statistics.getEntityDeleteCount()).isZero();
        System.out.printf(
                "quote statements: %d prepared (reads), %d transactions%n",
                statistics.getPrepareStatementCount(), statistics.getTransactionCount());
    }

    @Test
    void capturingAPaymentIsOneStatementInOneTransaction() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 5_000);
        String quote = quoteId(traveller, walletId, dynamicQr(aMerchantInTokyo(), "1000"), null);
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();

        pay(traveller, quote, UUID.randomUUID().toString()).then().statusCode(201);

        assertThat(statistics.getTransactionCount()).isEqualTo(1);
        assertThat(statistics.getPrepareStatementCount()).isLessThanOrEqualTo(CAPTURE_STATEMENT_BUDGET);
        System.out.printf(
                "capture statements: %d prepared, %d entity inserts, %d transactions%n",
                statistics.getPrepareStatementCount(),
                statistics.getEntityInsertCount(),
                statistics.getTransactionCount());
    }
}
