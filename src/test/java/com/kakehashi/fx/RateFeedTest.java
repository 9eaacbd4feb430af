package com.kakehashi.fx;

import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.fx.application.RateFeed;
import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.FxRate;
import com.kakehashi.fx.domain.RateBook;
import com.kakehashi.fx.infra.FxRateRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 6: two instances follow the rates every instance stores. A rate inserted first but committed
 * last carries the lower id; "id > last seen id" skipped it for ever. Each instance here is its own
 * {@link RateFeed} and {@link RateBook} on the same database; the writers are two plain JDBC transactions.
 */
@QuarkusTest
class RateFeedTest {
    private static final CurrencyPair PAIR = CurrencyPair.of("KRW", "VND");
    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

    @Inject
    FxRateRepository repository;

    @Inject
    DataSource dataSource;

    @Test
    void aRateCommittedOutOfIdOrderIsSeenByEveryInstance() throws SQLException {
        RateFeed instanceA = new RateFeed(repository, new RateBook());
        RateFeed instanceB = new RateFeed(repository, new RateBook());
        instanceA.poll();

        try (Connection slow = dataSource.getConnection();
                Connection quick = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            quick.setAutoCommit(false);
            long slowId = insert(slow, "18.10", T0); // takes the lower id, commits last
            long quickId = insert(quick, "18.20", T0.plusSeconds(60));
            quick.commit();
            assertThat(slowId).isLessThan(quickId);

            instanceA.poll();
            assertThat(midAt(instanceA, T0.plusSeconds(60))).isEqualTo("18.2");
            assertThat(instanceA.book().stored(PAIR, T0.plusSeconds(30))).isEmpty(); // not committed yet

            slow.commit();
        }

        instanceA.poll();
        assertThat(midAt(instanceA, T0.plusSeconds(30))).isEqualTo("18.1");
        instanceB.poll();
        assertThat(midAt(instanceB, T0.plusSeconds(30))).isEqualTo("18.1");
        assertThat(midAt(instanceB, T0.plusSeconds(60))).isEqualTo("18.2");
    }

    @Test
    void aPollAddsOnlyWhatIsNewToTheInstancesBook() throws SQLException {
        RateFeed instance = new RateFeed(repository, new RateBook());
        instance.poll();
        try (Connection writer = dataSource.getConnection()) {
            insert(writer, "18.30", T0.plusSeconds(120));
        }
        assertThat(instance.poll()).isEqualTo(1);
        assertThat(instance.poll()).isZero();
    }

    private static String midAt(RateFeed instance, Instant at) {
        return instance.book()
                .stored(PAIR, at)
                .map(FxRate::mid)
                .map(BigDecimal::toPlainString)
                .orElse("none");
    }

    private static long insert(Connection connection, String mid, Instant validFrom) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into fx_rate (base, quote, mid, source, valid_from, received_at, recorded_by)
                values (?, ?, ?, 'feed-test', ?, ?, 'feed-test') returning id""")) {
            insert.setString(1, PAIR.base());
            insert.setString(2, PAIR.quote());
            insert.setBigDecimal(3, new BigDecimal(mid));
            insert.setTimestamp(4, Timestamp.from(validFrom));
            insert.setTimestamp(5, Timestamp.from(validFrom)); // received as it became valid
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }
}
