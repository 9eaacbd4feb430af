package com.kakehashi.idempotency.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgets idempotency records older than {@code kakehashi.idempotency.retention} (default 30 days): a
 * client retrying with the same key after that gets a new write, so the retention must exceed any
 * client's retry horizon. Deletes in bounded chunks (one short transaction each) so the purge never holds
 * locks long or competes with payments for more than one connection. A Quartz job in the clustered
 * store: one instance purges per tick.
 */
@ApplicationScoped
public class IdempotencyPurge {
    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);
    static final int CHUNK = 5_000;
    static final int MAX_CHUNKS_PER_RUN = 200; // 1,000,000 rows per run at most; the next run goes on

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kakehashi.idempotency.retention", defaultValue = "P30D")
    Duration retention;

    @Scheduled(
            identity = "idempotency-purge",
            every = "${kakehashi.idempotency.purge-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        long purged = purgeOlderThan(clock.instant().minus(retention));
        if (purged > 0) {
            LOG.infof("Purged %d idempotency records older than %s", purged, retention);
        }
    }

    /** Deletes records created before {@code cutoff}; returns how many. */
    public long purgeOlderThan(Instant cutoff) {
        long total = 0;
        for (int chunk = 0; chunk < MAX_CHUNKS_PER_RUN; chunk++) {
            int deleted = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery("""
                    delete from idempotency_record where ctid in (
                        select ctid from idempotency_record where created_at < ?1 limit ?2)""")
                            .setParameter(1, cutoff)
                            .setParameter(2, CHUNK)
                            .executeUpdate());
            total += deleted;
            if (deleted < CHUNK) {
                break;
            }
        }
        return total;
    }
}
