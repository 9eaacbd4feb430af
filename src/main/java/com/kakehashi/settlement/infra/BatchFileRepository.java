package com.kakehashi.settlement.infra;

import com.kakehashi.common.sql.SqlRow;
import com.kakehashi.settlement.domain.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A batch's files as stored (bytes and SHA-256) and the attempts to deliver them. */
@ApplicationScoped
public class BatchFileRepository {
    @Inject
    EntityManager em;

    public void saveFileIfAbsent(UUID batchId, StoredFile file, Instant now) {
        em.createNativeQuery("""
                insert into settlement_file (batch_id, format, file_name, media_type, content, sha256, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (batch_id, format) do nothing""")
                .setParameter(1, batchId)
                .setParameter(2, file.format())
                .setParameter(3, file.fileName())
                .setParameter(4, file.mediaType())
                .setParameter(5, file.content())
                .setParameter(6, file.sha256())
                .setParameter(7, now)
                .executeUpdate();
    }

    public List<StoredFile> files(UUID batchId) {
        return SqlRow.list(
                SqlRow.query(em, """
                select format, file_name, media_type, content, sha256 from settlement_file where batch_id = ?1
                order by format""", batchId),
                r -> new StoredFile(
                        r.string("format"),
                        r.string("file_name"),
                        r.string("media_type"),
                        r.bytes("content"),
                        r.string("sha256")));
    }

    public void recordDelivery(
            UUID batchId, String format, String channel, String target, String outcome, String detail, Instant now) {
        em.createNativeQuery("""
                insert into settlement_delivery (batch_id, format, channel, target, attempt, outcome, detail, at)
                values (?1, ?2, ?3, ?4, (select count(*) + 1 from settlement_delivery where batch_id = ?1 and format = ?2),
                        ?5, ?6, ?7)""")
                .setParameter(1, batchId)
                .setParameter(2, format)
                .setParameter(3, channel)
                .setParameter(4, target)
                .setParameter(5, outcome)
                .setParameter(6, detail)
                .setParameter(7, now)
                .executeUpdate();
    }

    public long deliveries(UUID batchId) {
        return SqlRow.single(
                SqlRow.query(
                        em,
                        "select count(*) as delivered from settlement_delivery"
                                + " where batch_id = ?1 and outcome = 'DELIVERED'",
                        batchId),
                r -> r.longValue("delivered"));
    }
}
