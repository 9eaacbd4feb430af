package com.kakehashi.fx.infra;

import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.FxRate;
import com.kakehashi.common.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The rate store: insert-only, read by pair and time, or in id order to follow new rates. */
@ApplicationScoped
public class FxRateRepository {
    @Inject
    EntityManager em;

    public record StoredRate(long id, FxRate rate) {
    }

    /** The row now stored for the rate's source, pair and instant, and whether this call inserted it. */
    public record Insertion(StoredRate stored, boolean inserted) {
    }

    /** Inserts unless the source already published this pair at this instant; returns the stored row either way. */
    public Insertion insertIfAbsent(FxRate rate, String recordedBy) {
        int inserted = em.createNativeQuery("""
                insert into fx_rate (base, quote, mid, bid, ask, source, valid_from, received_at, recorded_by)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (base, quote, source, valid_from) do nothing""")
                .setParameter(1, rate.pair().base()).setParameter(2, rate.pair().quote())
                .setParameter(3, rate.mid()).setParameter(4, rate.bid()).setParameter(5, rate.ask())
                .setParameter(6, rate.source()).setParameter(7, rate.validFrom()).setParameter(8, rate.receivedAt())
                .setParameter(9, recordedBy)
                .executeUpdate();
        StoredRate stored = one("where base = ?1 and quote = ?2 and source = ?3 and valid_from = ?4",
                rate.pair().base(), rate.pair().quote(), rate.source(), rate.validFrom()).orElseThrow();
        return new Insertion(stored, inserted == 1);
    }

    public List<StoredRate> after(long id, int limit) {
        return many("where id > ?1 order by id limit " + limit, id);
    }

    public List<StoredRate> history(CurrencyPair pair, Instant from, Instant to, int offset, int limit) {
        return em.createNativeQuery(SELECT + " where base = ?1 and quote = ?2 and valid_from >= ?3 and valid_from < ?4"
                        + " order by valid_from desc, id desc offset ?5 limit ?6", Object[].class)
                .setParameter(1, pair.base()).setParameter(2, pair.quote()).setParameter(3, from).setParameter(4, to)
                .setParameter(5, offset).setParameter(6, limit)
                .getResultList().stream().map(r -> map((Object[]) r)).toList();
    }

    private static final String SELECT =
            "select id, base, quote, mid, bid, ask, source, valid_from, received_at from fx_rate";

    private Optional<StoredRate> one(String where, Object... params) {
        return many(where, params).stream().findFirst();
    }

    private List<StoredRate> many(String where, Object... params) {
        var query = em.createNativeQuery(SELECT + " " + where, Object[].class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList().stream().map(r -> map((Object[]) r)).toList();
    }

    private static StoredRate map(Object[] row) {
        FxRate rate = new FxRate(new CurrencyPair((String) row[1], (String) row[2]), strip((BigDecimal) row[3]),
                strip((BigDecimal) row[4]), strip((BigDecimal) row[5]), (String) row[6], SqlValues.instant(row[7]), SqlValues.instant(row[8]));
        return new StoredRate(((Number) row[0]).longValue(), rate);
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

}
