package com.kakehashi.common.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Gauges of the money pipeline that operations watch, read from the database (the system of record,
 * shared by every instance) rather than counted in one JVM:
 * <ul>
 * <li>{@code kakehashi_settlement_batches{state}}: settlement batches per state;</li>
 * <li>{@code kakehashi_settlement_batch_run_seconds{bank}}: how long each bank's latest batch took from
 * creation to delivery (or failure);</li>
 * <li>{@code kakehashi_reconciliation_statements{bank}}: bank statements received;</li>
 * <li>{@code kakehashi_reconciliation_breaks_open{outcome}}: breaks not yet resolved, per outcome.</li>
 * </ul>
 * Refreshed every {@code kakehashi.metrics.refresh-every} on each instance (not through the clustered
 * store: every instance must answer its own scrape); a refresh is four grouped queries.
 */
@ApplicationScoped
public class OperationsMetrics {
    private static final Logger LOG = Logger.getLogger(OperationsMetrics.class);
    /** Every state is exported, zero included, so a dashboard never sees a series vanish. */
    private static final List<String> BATCH_STATES =
            List.of("OPEN", "CLOSED", "FILES_WRITTEN", "DELIVERED", "ACKNOWLEDGED", "FAILED", "RECONCILED");

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager em;

    private MultiGauge batches;
    private MultiGauge runSeconds;
    private MultiGauge statements;
    private MultiGauge openBreaks;

    @PostConstruct
    void register() {
        batches = MultiGauge.builder("kakehashi.settlement.batches")
                .description("Settlement batches by state")
                .register(registry);
        runSeconds = MultiGauge.builder("kakehashi.settlement.batch.run")
                .baseUnit("seconds")
                .description("Run time of each bank's latest settlement batch, creation to delivery or failure")
                .register(registry);
        statements = MultiGauge.builder("kakehashi.reconciliation.statements")
                .description("Bank statements received, by bank")
                .register(registry);
        openBreaks = MultiGauge.builder("kakehashi.reconciliation.breaks.open")
                .description("Reconciliation breaks not resolved, by outcome")
                .register(registry);
    }

    void firstReading(@Observes StartupEvent started) {
        refreshQuietly();
    }

    @Scheduled(
            identity = "operations-metrics",
            every = "${kakehashi.metrics.refresh-every:15s}",
            executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        refreshQuietly();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("Operations metrics not refreshed: %s", e.getMessage());
        }
    }

    /** Reads the figures now (tests call this instead of waiting for the schedule); one reading at a time. */
    public synchronized void refresh() {
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Number> byState = new TreeMap<>();
            BATCH_STATES.forEach(s -> byState.put(s, 0));
            byState.putAll(counts("select state as key, count(*) as n from settlement_batch group by state"));
            batches.register(rows("state", byState), true);
            runSeconds.register(rows("bank", counts("""
                    select distinct on (b.bank_id) b.bank_id as key, extract(epoch from (d.at - b.created_at)) as n
                    from settlement_batch b
                    join lateral (select min(e.at) as at from settlement_batch_event e
                                  where e.batch_id = b.id and e.state in ('DELIVERED', 'FAILED')) d on d.at is not null
                    order by b.bank_id, b.cutoff desc""")), true);
            statements.register(
                    rows("bank", counts("select bank_id as key, count(*) as n from bank_statement group by bank_id")),
                    true);
            openBreaks.register(
                    rows(
                            "outcome",
                            counts(
                                    "select outcome as key, count(*) as n from reconciliation_break where status <> 'RESOLVED' group by outcome")),
                    true);
        });
    }

    private Map<String, Number> counts(String sql) {
        Map<String, Number> result = new TreeMap<>();
        // each query names its two columns "key" and "n"
        for (var row : com.kakehashi.common.sql.SqlRow.list(
                com.kakehashi.common.sql.SqlRow.query(em, sql), r -> Map.entry(r.string("key"), r.number("n")))) {
            result.put(row.getKey(), row.getValue());
        }
        return result;
    }

    private static List<MultiGauge.Row<?>> rows(String tag, Map<String, Number> values) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        values.forEach((key, value) -> rows.add(MultiGauge.Row.of(Tags.of(tag, key), value)));
        return rows;
    }
}
