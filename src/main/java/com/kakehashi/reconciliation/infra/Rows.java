package com.kakehashi.reconciliation.infra;

import com.kakehashi.common.sql.SqlValues;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Native query rows read by column name (never by position), with the driver's types converted once. */
final class Rows {
    private final Tuple tuple;

    private Rows(Tuple tuple) {
        this.tuple = tuple;
    }

    static Query query(EntityManager em, String sql, Object... params) {
        Query query = em.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }

    /** A one-column result, each value checked to be a {@code type}. */
    static <T> List<T> column(Query query, Class<T> type) {
        return ((List<?>) query.getResultList()).stream().map(type::cast).toList();
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Query query, Function<Rows, T> mapper) {
        return ((List<Tuple>) query.getResultList())
                .stream().map(t -> mapper.apply(new Rows(t))).toList();
    }

    Object raw(String column) {
        return tuple.get(column);
    }

    String string(String column) {
        return (String) tuple.get(column);
    }

    UUID uuid(String column) {
        return (UUID) tuple.get(column);
    }

    Long longOrNull(String column) {
        Object v = tuple.get(column);
        return v == null ? null : ((Number) v).longValue();
    }

    long longValue(String column) {
        return ((Number) tuple.get(column)).longValue();
    }

    Integer intOrNull(String column) {
        Object v = tuple.get(column);
        return v == null ? null : ((Number) v).intValue();
    }

    int intValue(String column) {
        return ((Number) tuple.get(column)).intValue();
    }

    Boolean bool(String column) {
        return (Boolean) tuple.get(column);
    }

    LocalDate date(String column) {
        return SqlValues.date(tuple.get(column));
    }

    Instant instant(String column) {
        Object v = tuple.get(column);
        return v == null ? null : SqlValues.instant(v);
    }
}
