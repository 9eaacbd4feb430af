package com.kakehashi.fx.application;

import com.kakehashi.fx.domain.RefundRatePolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "kakehashi.fx")
public interface FxConfig {
    /** Currencies tried, in order, to build a cross rate when neither the pair nor its inverse is stored. */
    @WithDefault("USD,EUR")
    List<String> pivots();

    /** A rate older than this is not used for new quotes (ECB rates are daily, none on weekends). */
    @WithDefault("PT26H")
    Duration maxAge();

    /** Per-pair overrides of {@link #maxAge()}, keyed "CNY-JPY" (base-quote of the priced pair). */
    Map<String, Duration> maxAgeByPair();

    /** Customer terms per corridor, keyed "JPY-CNY" (wallet currency-merchant currency). */
    Map<String, Corridor> corridors();

    @WithDefault("ORIGINAL_RATE")
    RefundRatePolicy refundRatePolicy();

    /** How often this instance reads rates other instances stored. */
    @WithDefault("5s")
    String refreshEvery();

    Imports imports();

    /** Which partner banks may publish which pairs, and how far ahead a rate file may date its rates. */
    Sources sources();

    /** The plausibility band every source's figures pass before they are published (docs/fx.md). */
    Band band();

    interface Corridor {
        @WithDefault("0")
        int spreadBps();

        /** Fixed fee in the wallet currency, added to every charge of the corridor. */
        @WithDefault("0")
        BigDecimal fee();

        /** Spread per customer tier (the token's "tier" claim), replacing {@link #spreadBps()} for that tier. */
        Map<String, Integer> tierSpreadBps();
    }

    interface Imports {
        /** Scheduler expression for the rate imports ("off" disables them). */
        @WithDefault("off")
        String every();

        /** An HTTP(S) URL serving eurofxref XML; nothing is fetched unless it is set. */
        Optional<String> ecbUrl();

        /** Directory where eurofxref XML files are dropped (processed files move to "done/"). */
        Optional<Path> ecbDropDirectory();

        /** Directory where partner banks drop rate CSVs named "<bankId>*.csv". */
        Optional<Path> bankDropDirectory();
    }

    interface Sources {
        /**
         * The pairs each registered partner bank may publish, keyed by bank id, as corridors "CNY-JPY" (either
         * direction of the pair). A bank not listed here publishes no rates at all.
         */
        Map<String, List<String>> bankCorridors();

        /** A rate file's valid_from may lie at most this far after now (clock skew), never further ("time bombs"). */
        @WithDefault("PT5M")
        Duration maxFutureSkew();
    }

    interface Band {
        /** Plausibility band around the rate in force, in basis points (500 = ±5 %). */
        @WithDefault("500")
        int defaultBps();

        /** Per-corridor bands keyed "JPY-CNY", applying to rates of that pair in either direction. */
        Map<String, Integer> corridorBps();

        /** At most this many figures of one source wait for approval; beyond it an out-of-band figure is refused. */
        @WithDefault("100")
        int maxHeldPerSource();
    }
}
