package com.kakehashi.fx.infra;

import com.kakehashi.common.sql.SqlRow;
import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.FxRate;
import java.math.BigDecimal;

/** The rate columns that published and pending rates share (base, quote, mid, bid, ask, source, times). */
final class FxRateRows {
    private FxRateRows() {}

    static FxRate rate(SqlRow r) {
        return new FxRate(
                new CurrencyPair(r.string("base"), r.string("quote")),
                strip(r.decimal("mid")),
                strip(r.decimal("bid")),
                strip(r.decimal("ask")),
                r.string("source"),
                r.instant("valid_from"),
                r.instant("received_at"));
    }

    /** NUMERIC keeps its scale; a rate compares and prints without trailing zeros. */
    static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
