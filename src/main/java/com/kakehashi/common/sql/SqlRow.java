package com.kakehashi.common.sql;

import com.kakehashi.common.money.MinorAmount;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.money.CurrencyUnit;

/**
 * One native query row read by column name (never by position), with the driver's types converted once; the one
 * row mapper of every feature (ADR 0014):
 * {@code SqlRow.list(SqlRow.query(em, sql, params), r -> new Thing(r.uuid("id"), r.string("name")))}.
 * A renamed or reordered column fails loudly at the name instead of shifting every field after it.
 */
public final class SqlRow {
    private final Tuple tuple;

    private SqlRow(Tuple tuple) {
        this.tuple = tuple;
    }

    /** A native query whose rows are tuples, positional parameters {@code ?1, ?2, ...} bound in order. */
    public static Query query(EntityManager em, String sql, Object... params) {
        Query query = em.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }

    /** Every row of a query made by {@link #query}, mapped. */
    public static <T> List<T> list(Query query, Function<SqlRow, T> mapper) {
        return ((List<?>) query.getResultList())
                .stream().map(t -> mapper.apply(new SqlRow((Tuple) t))).toList();
    }

    /** The first row of a query that returns at most a few (by key), mapped. */
    public static <T> Optional<T> first(Query query, Function<SqlRow, T> mapper) {
        return list(query, mapper).stream().findFirst();
    }

    /** The one row of a query that always returns exactly one (an aggregate, a row by key that must exist). */
    public static <T> T single(Query query, Function<SqlRow, T> mapper) {
        List<T> rows = list(query, mapper);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, the query returned " + rows.size());
        }
        return rows.getFirst();
    }

    public String string(String column) {
        return (String) tuple.get(column);
    }

    public UUID uuid(String column) {
        return (UUID) tuple.get(column);
    }

    public long longValue(String column) {
        return ((Number) tuple.get(column)).longValue();
    }

    public Long longOrNull(String column) {
        Object v = tuple.get(column);
        return v == null ? null : ((Number) v).longValue();
    }

    public int intValue(String column) {
        return ((Number) tuple.get(column)).intValue();
    }

    public Integer intOrNull(String column) {
        Object v = tuple.get(column);
        return v == null ? null : ((Number) v).intValue();
    }

    /** A one-column result, each value checked to be a {@code type}. */
    public static <T> List<T> column(Query query, Class<T> type) {
        return ((List<?>) query.getResultList()).stream().map(type::cast).toList();
    }

    public Boolean boolOrNull(String column) {
        return (Boolean) tuple.get(column);
    }

    public boolean bool(String column) {
        return (Boolean) tuple.get(column);
    }

    public byte[] bytes(String column) {
        return (byte[]) tuple.get(column);
    }

    public LocalDate date(String column) {
        return SqlValues.date(tuple.get(column));
    }

    /** Any numeric column (a count, an epoch difference) as the driver gives it; null stays null. */
    public Number number(String column) {
        return (Number) tuple.get(column);
    }

    /** A NUMERIC column as it is stored (scale kept); null stays null. */
    public java.math.BigDecimal decimal(String column) {
        return (java.math.BigDecimal) tuple.get(column);
    }

    public Instant instant(String column) {
        Object v = tuple.get(column);
        return v == null ? null : SqlValues.instant(v);
    }

    /** Minor units of {@code currency} in a BIGINT (or a SUM of them); null stays null. */
    public MinorAmount minor(String column, CurrencyUnit currency) {
        Long v = longOrNull(column);
        return v == null ? null : MinorAmount.of(v, currency);
    }

    /** Minor units in a BIGINT column of the currency named by another column; null if either is null. */
    public MinorAmount minor(String amountColumn, String currencyColumn) {
        String currency = string(currencyColumn);
        return currency == null ? null : MinorAmount.ofNullable(longOrNull(amountColumn), currency);
    }

    public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
        return Enum.valueOf(type, string(column));
    }
}
