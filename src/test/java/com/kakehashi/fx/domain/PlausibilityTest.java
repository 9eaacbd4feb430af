package com.kakehashi.fx.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlausibilityTest {
    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");
    private static final CurrencyPair CNY_JPY = CurrencyPair.of("CNY", "JPY");

    private final RateBook book = new RateBook();
    private final Plausibility plausibility = new Plausibility(book, new RateResolver(book, List.of("USD", "EUR")));

    private static FxRate rate(CurrencyPair pair, String mid, Instant validFrom) {
        return new FxRate(pair, new BigDecimal(mid), null, null, "desk", validFrom, validFrom);
    }

    @Test
    void theBandIsInclusiveAndExact() {
        assertThat(Plausibility.compare(new BigDecimal("21.00"), new BigDecimal("20"), 500))
                .isEqualTo(new Plausibility.Within(new BigDecimal("20"), 500));
        assertThat(Plausibility.compare(new BigDecimal("21.000000000001"), new BigDecimal("20"), 500))
                .isInstanceOf(Plausibility.Outside.class);
        assertThat(Plausibility.compare(new BigDecimal("19.00"), new BigDecimal("20"), 500)
                        .publishable())
                .isTrue();
        assertThat(Plausibility.deviationBps(new BigDecimal("0.0001"), new BigDecimal("21.2469")))
                .isEqualTo(-10_000);
        assertThat(Plausibility.deviationBps(new BigDecimal("999999999999999999"), new BigDecimal("0.000000000001")))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theFirstRateOfAPairHasNothingToBeComparedWith() {
        assertThat(plausibility.assess(rate(CNY_JPY, "0.0001", T0), T0, 500))
                .isInstanceOf(Plausibility.FirstRate.class);
    }

    @Test
    void aFigureIsComparedWithTheInverseOrCrossRateInForce() {
        book.add(rate(CurrencyPair.of("JPY", "CNY"), "0.05", T0));
        assertThat(plausibility.assess(rate(CNY_JPY, "21", T0.plusSeconds(1)), T0.plusSeconds(1), 500))
                .isInstanceOf(Plausibility.Within.class);
        assertThat(plausibility.assess(rate(CNY_JPY, "0.0001", T0.plusSeconds(1)), T0.plusSeconds(1), 500))
                .isInstanceOf(Plausibility.Outside.class);
    }

    @Test
    void aBackDatedFigureMovesNoPriceWhenANewerRateIsInForceButOneThatWouldBeInForceIsChecked() {
        book.add(rate(CNY_JPY, "21", T0));
        Instant now = T0.plusSeconds(3600);
        assertThat(plausibility.assess(rate(CNY_JPY, "0.0001", T0.minusSeconds(86_400)), now, 500))
                .isInstanceOf(Plausibility.History.class);
        assertThat(plausibility.assess(rate(CNY_JPY, "0.0001", T0.plusSeconds(60)), now, 500))
                .isInstanceOf(Plausibility.Outside.class);
    }

    @Test
    void aBackDatedFigureOfAPairPricedOnlyThroughAPivotStillPassesTheBand() {
        book.add(rate(CurrencyPair.of("USD", "CNY"), "7", T0));
        book.add(rate(CurrencyPair.of("USD", "JPY"), "147", T0));
        assertThat(plausibility.assess(rate(CNY_JPY, "0.0001", Instant.parse("1990-01-01T00:00:00Z")), T0, 500))
                .isInstanceOf(Plausibility.Outside.class);
    }

    @Test
    void nobodyApprovesTheirOwnFigureAndADecidedItemStaysDecided() {
        FxRate figure = rate(CNY_JPY, "25", T0);
        PendingRate held = PendingRate.held(
                UUID.randomUUID(), figure, "alice", new Plausibility.Outside(new BigDecimal("21.2469"), 1767, 500));
        assertThat(held.mayApprove("alice", new BigDecimal("21.2469"))).isInstanceOf(PendingRate.OwnFigure.class);
        assertThat(held.mayApprove("bob", new BigDecimal("21.2469"))).isInstanceOf(PendingRate.Decidable.class);
        assertThat(held.mayApprove("bob", new BigDecimal("21.30"))).isInstanceOf(PendingRate.ReferenceMoved.class);
        assertThat(held.publishedAt(T0.plusSeconds(60)).validFrom()).isEqualTo(T0.plusSeconds(60));
        assertThatThrownBy(() -> new PendingRate(
                        held.id(),
                        figure,
                        "alice",
                        held.rateInForce(),
                        1767,
                        500,
                        PendingRate.Status.APPROVED,
                        "alice",
                        T0,
                        null,
                        1))
                .isInstanceOf(IllegalArgumentException.class);
        PendingRate rejected = new PendingRate(
                held.id(),
                figure,
                "alice",
                held.rateInForce(),
                1767,
                500,
                PendingRate.Status.REJECTED,
                "bob",
                T0,
                "fat finger",
                1);
        assertThat(rejected.mayApprove("carol", new BigDecimal("21.2469")))
                .isInstanceOf(PendingRate.AlreadyDecided.class);
    }

    @Test
    void figuresAreCappedAsTheOperatorApiCapsThem() {
        assertThat(RateFigures.parse("mid", "21.150000000000")).isEqualByComparingTo("21.15");
        for (String bad :
                new String[] {"1e5", "-1", "0", "21.1234567890123", "1234567890123456789", " 21", "0x10", ""}) {
            assertThatThrownBy(() -> RateFigures.parse("mid", bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> rate(CNY_JPY, "21", Instant.parse("+999999999-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
