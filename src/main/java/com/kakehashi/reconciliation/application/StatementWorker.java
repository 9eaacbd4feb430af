package com.kakehashi.reconciliation.application;

import com.kakehashi.reconciliation.infra.IntakeRepository;
import com.kakehashi.reconciliation.infra.IntakeRepository.IntakeRow;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Processes received statements off the request thread: a small fixed pool of workers (the
 * reconciliation bulkhead: at most two connections each), one bank at a time across every instance
 * (a PostgreSQL session advisory lock per bank, released by the database if the instance dies), the
 * bank's files in the order they came. Work left by a crash or a full queue is found by the sweep.
 */
@ApplicationScoped
public class StatementWorker {
    private static final Logger LOG = Logger.getLogger(StatementWorker.class);
    /** Advisory lock class for reconciliation (the migration prefix); the key is the bank id's hash. */
    private static final int LOCK_CLASS = 7;

    private static final int MAX_PER_DRAIN = 1_000;

    @Inject
    IntakeRepository intakes;

    @Inject
    StatementProcessor processor;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReconciliationConfig config;

    private ThreadPoolExecutor executor;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        executor = new ThreadPoolExecutor(
                config.workers(),
                config.workers(),
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(10_000),
                r -> {
                    Thread t = new Thread(r, "statement-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.DiscardPolicy()); // a dropped wake-up is found by the sweep
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** Asks a worker to process the bank's waiting statements; never blocks, never throws. */
    public void wake(String bankId) {
        executor.execute(() -> drain(bankId));
    }

    @Scheduled(
            identity = "statement-sweep",
            every = "${kakehashi.reconciliation.sweep-every}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        QuarkusTransaction.requiringNew().call(intakes::banksWithWork).forEach(this::wake);
    }

    void drain(String bankId) {
        boolean more;
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "select pg_try_advisory_lock(?, hashtext(?))", bankId)) {
                return; // another worker has the bank; it looks again after letting go
            }
            try {
                for (int i = 0; i < MAX_PER_DRAIN; i++) {
                    Optional<IntakeRow> next = QuarkusTransaction.requiringNew().call(() -> intakes.next(bankId));
                    if (next.isEmpty()) {
                        break;
                    }
                    processor.process(next.get());
                }
            } finally {
                advisory(lock, "select pg_advisory_unlock(?, hashtext(?))", bankId);
            }
            more = QuarkusTransaction.requiringNew()
                    .call(() -> intakes.next(bankId))
                    .isPresent();
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "Statement worker for bank %s stopped; the sweep will resume it", bankId);
            return;
        }
        if (more) {
            wake(bankId); // a file that came while the lock was held
        }
    }

    private static boolean advisory(Connection connection, String sql, String bankId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCK_CLASS);
            statement.setString(2, bankId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
