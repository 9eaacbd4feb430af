package com.kakehashi.acquiring.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kakehashi.acquiring.domain.Acquirer;
import com.kakehashi.acquiring.domain.AcquirerRegistration;
import com.kakehashi.acquiring.domain.CodePattern;
import com.kakehashi.common.sql.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Acquirers in PostgreSQL; code patterns are kept as a JSON array. */
@ApplicationScoped
public class AcquirerRepository {
    private static final String COLUMNS = "id, name, country, currency, bank_id, payout_account, code_patterns,"
            + " resolve_url, payee_merchant_id, version";
    private static final TypeReference<List<CodePattern>> PATTERNS = new TypeReference<>() {};

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** False when an acquirer with this id exists already. */
    public boolean insert(AcquirerRegistration r, UUID payeeMerchantId, Instant now) {
        return em.createNativeQuery("""
                insert into acquirer (id, name, country, currency, bank_id, payout_account, code_patterns, resolve_url,
                    payee_merchant_id, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (id) do nothing""")
                        .setParameter(1, r.id())
                        .setParameter(2, r.name())
                        .setParameter(3, r.country())
                        .setParameter(4, r.currency())
                        .setParameter(5, r.bankId())
                        .setParameter(6, r.payoutAccount())
                        .setParameter(7, write(r.codePatterns()))
                        .setParameter(8, r.resolveUrl().orElse(null))
                        .setParameter(9, payeeMerchantId)
                        .setParameter(10, now)
                        .executeUpdate()
                == 1;
    }

    public boolean exists(String id) {
        return !em.createNativeQuery("select 1 from acquirer where id = ?1")
                .setParameter(1, id)
                .getResultList()
                .isEmpty();
    }

    /** Updates the mutable fields if the version still matches; false on a stale write. */
    public boolean update(AcquirerRegistration r, long expectedVersion) {
        return em.createNativeQuery("""
                update acquirer set name = ?2, code_patterns = ?3, resolve_url = ?4, version = version + 1
                where id = ?1 and version = ?5""")
                        .setParameter(1, r.id())
                        .setParameter(2, r.name())
                        .setParameter(3, write(r.codePatterns()))
                        .setParameter(4, r.resolveUrl().orElse(null))
                        .setParameter(5, expectedVersion)
                        .executeUpdate()
                == 1;
    }

    public Optional<Acquirer> byId(String id) {
        return query("where id = ?1", id).stream().findFirst();
    }

    public List<Acquirer> all() {
        return query("order by id");
    }

    private List<Acquirer> query(String where, Object... params) {
        return SqlRow.list(SqlRow.query(em, "select " + COLUMNS + " from acquirer " + where, params), this::toDomain);
    }

    private Acquirer toDomain(SqlRow r) {
        return new Acquirer(
                r.string("id"),
                r.string("name"),
                r.string("country"),
                r.string("currency"),
                r.string("bank_id"),
                r.string("payout_account"),
                read(r.string("code_patterns")),
                Optional.ofNullable(r.string("resolve_url")),
                r.uuid("payee_merchant_id"),
                r.longValue("version"));
    }

    private String write(List<CodePattern> patterns) {
        try {
            return json.writeValueAsString(patterns);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<CodePattern> read(String text) {
        try {
            return json.readValue(text, PATTERNS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
