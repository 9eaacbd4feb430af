package com.kakehashi.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.idempotency.application.IdempotencyPurge;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Idempotency records are forgotten after the retention, and only those. */
@QuarkusTest
class IdempotencyPurgeTest {
    @Inject
    IdempotencyPurge purge;

    @Inject
    EntityManager em;

    @Test
    void recordsOlderThanTheRetentionArePurgedAndYoungerOnesKept() {
        Instant now = Instant.parse("1999-03-01T00:00:00Z"); // long before any other test's rows: only ours can go
        String caller = "purge-" + UUID.randomUUID();
        record(caller, "old-1", now.minus(Duration.ofDays(31)));
        record(caller, "old-2", now.minus(Duration.ofDays(40)));
        record(caller, "young", now.minus(Duration.ofDays(29)));

        long purged = purge.purgeOlderThan(now.minus(Duration.ofDays(30)));

        assertThat(purged).isEqualTo(2);
        assertThat(keysOf(caller)).containsExactly("young");
    }

    private void record(String caller, String key, Instant createdAt) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                insert into idempotency_record (caller, operation, idem_key, request_hash, created_at)
                values (?1, 'test', ?2, 'hash', ?3)""")
                        .setParameter(1, caller)
                        .setParameter(2, key)
                        .setParameter(3, createdAt)
                        .executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private java.util.List<String> keysOf(String caller) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select idem_key from idempotency_record where caller = ?1 order by idem_key")
                        .setParameter(1, caller)
                        .getResultList());
    }
}
