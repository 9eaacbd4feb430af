package com.kakehashi.common.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One native query row read by column name (never by position), with the driver's types converted once. The
 * shared form of reconciliation's {@code Rows}, for features outside reconciliation.
 */
public final class SqlRow {
    private final Tuple tuple;

    private SqlRow(Tuple tuple) {
        this.tuple = tuple;
    }

    /** A native query whose rows come back as tuples, with positional parameters ?1, ?2, ... bound in order. */
    public static Query query(EntityManager em, String sql, Object... params) {
        Query query = em.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }

    /** Every row of a query made by {@link #query}, mapped. */
    public static <T> List<T> list(Query query, Function<SqlRow, T> mapper) {
        return ((List<?>) query.getResultList()).stream().map(t -> mapper.apply(new SqlRow((Tuple) t))).toList();
    }

    public String string(String column) {
        return (String) tuple.get(column);
    }

    public UUID uuid(String column) {
        return (UUID) tuple.get(column);
    }

    public byte[] bytes(String column) {
        return (byte[]) tuple.get(column);
    }

    public Integer intOrNull(String column) {
        Object v = tuple.get(column);
        return v == null ? null : ((Number) v).intValue();
    }

    public int intValue(String column) {
        return ((Number) tuple.get(column)).intValue();
    }

    public long longValue(String column) {
        return ((Number) tuple.get(column)).longValue();
    }

    public Instant instant(String column) {
        Object v = tuple.get(column);
        return v == null ? null : SqlValues.instant(v);
    }
}
