package com.kakehashi.idempotency.infra;

import com.kakehashi.common.sql.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class IdempotencyRepository {
    public record Record(String requestHash, String resourceId, Integer responseStatus, String responseBody) {}

    @Inject
    EntityManager em;

    /** True when this call inserted the key; false when it already existed (after waiting for its writer). */
    public boolean insertIfAbsent(String caller, String operation, String key, String hash, Instant at) {
        return em.createNativeQuery("""
                insert into idempotency_record (caller, operation, idem_key, request_hash, created_at)
                values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                        .setParameter(1, caller)
                        .setParameter(2, operation)
                        .setParameter(3, key)
                        .setParameter(4, hash)
                        .setParameter(5, at)
                        .executeUpdate()
                == 1;
    }

    public Optional<Record> find(String caller, String operation, String key) {
        return SqlRow.first(
                SqlRow.query(em, """
                select request_hash, resource_id, response_status, response_body from idempotency_record
                where caller = ?1 and operation = ?2 and idem_key = ?3""", caller, operation, key),
                r -> new Record(
                        r.string("request_hash"),
                        r.string("resource_id"),
                        r.intOrNull("response_status"),
                        r.string("response_body")));
    }

    public void attachResource(String caller, String operation, String key, String resourceId) {
        em.createNativeQuery("""
                update idempotency_record set resource_id = ?4
                where caller = ?1 and operation = ?2 and idem_key = ?3""")
                .setParameter(1, caller)
                .setParameter(2, operation)
                .setParameter(3, key)
                .setParameter(4, resourceId)
                .executeUpdate();
    }

    public void completeWithResource(String caller, String operation, String key, int status, String resourceId) {
        em.createNativeQuery("""
                update idempotency_record set response_status = ?4, resource_id = ?5
                where caller = ?1 and operation = ?2 and idem_key = ?3""")
                .setParameter(1, caller)
                .setParameter(2, operation)
                .setParameter(3, key)
                .setParameter(4, status)
                .setParameter(5, resourceId)
                .executeUpdate();
    }

    public void complete(String caller, String operation, String key, int status, String body) {
        em.createNativeQuery("""
                update idempotency_record set response_status = ?4, response_body = ?5
                where caller = ?1 and operation = ?2 and idem_key = ?3""")
                .setParameter(1, caller)
                .setParameter(2, operation)
                .setParameter(3, key)
                .setParameter(4, status)
                .setParameter(5, body)
                .executeUpdate();
    }
}
