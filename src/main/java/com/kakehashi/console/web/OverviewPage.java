package com.kakehashi.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.console.session.ConsoleSession;
import com.kakehashi.console.view.Formats;
import com.kakehashi.fx.application.FxConfig;
import com.kakehashi.fx.application.FxPositions;
import com.kakehashi.fx.application.FxRates;
import com.kakehashi.fx.application.Pricing;
import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.ResolvedRate;
import com.kakehashi.fx.domain.Staleness;
import com.kakehashi.payment.application.PaymentFigures;
import com.kakehashi.wallet.application.TopUpFigures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The operators' start page: today's payments, refunds, problems, pending top-ups, rates in force, positions. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class OverviewPage {
    /** The per-minute chart covers this much of the recent past. */
    static final Duration CHART_WINDOW = Duration.ofHours(3);

    @Inject
    @Location("console/overview")
    Template overview;

    @Inject
    Pages pages;

    @Inject
    ErrorPages errors;

    @Inject
    ConsoleSession session;

    @Inject
    PaymentFigures paymentFigures;

    @Inject
    TopUpFigures topUpFigures;

    @Inject
    FxRates rates;

    @Inject
    FxConfig fxConfig;

    @Inject
    Pricing pricing;

    @Inject
    FxPositions positions;

    @Inject
    MeterRegistry meters;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @TemplateData
    public record CorridorRow(String corridor, long payments, String price, String charge) {}

    @TemplateData
    public record CountRow(String label, long count, String amount) {}

    @TemplateData
    public record RateRow(
            String pair,
            String mid,
            String source,
            String path,
            String validFrom,
            String age,
            boolean stale,
            String maxAge) {}

    @GET
    public Response overview() {
        if (session.bankScope().isPresent()) {
            return Response.seeOther(URI.create("/console/settlement")).build();
        }
        Formats f = new Formats(session.zone());
        Instant now = clock.instant();
        Instant startOfDay =
                now.atZone(session.zone()).truncatedTo(ChronoUnit.DAYS).toInstant();
        List<CorridorRow> corridors = paymentFigures.corridorsSince(startOfDay).stream()
                .map(c -> new CorridorRow(
                        c.walletCurrency() + " → " + c.merchantCurrency(),
                        c.payments(),
                        f.money(c.priceMinor(), c.merchantCurrency()),
                        f.money(c.chargeMinor(), c.walletCurrency())))
                .toList();
        List<CountRow> refunds = paymentFigures.refundsSince(startOfDay).stream()
                .map(r -> new CountRow(r.currency(), r.count(), f.money(r.amountMinor(), r.currency())))
                .toList();
        List<CountRow> topUps = topUpFigures.pending().stream()
                .map(r -> new CountRow(r.currency(), r.count(), f.money(r.amountMinor(), r.currency())))
                .toList();
        List<CountRow> positionRows = positions.open().stream()
                .map(p -> new CountRow(
                        p.balance().getCurrency().getCurrencyCode(),
                        p.postings(),
                        f.amount(
                                p.balance().getNumberStripped(),
                                p.balance().getCurrency().getCurrencyCode())))
                .toList();
        return Response.ok(pages.page(overview, "overview")
                        .data("corridors", corridors)
                        .data("refunds", refunds)
                        .data("topUps", topUps)
                        .data("problems", problems())
                        .data("rates", ratesInForce(f, now))
                        .data("positions", positionRows)
                        .data("chart", chart(f, now))
                        .data("since", f.time(startOfDay))
                        .render())
                .build();
    }

    @ServerExceptionMapper
    public Response business(BusinessException e) {
        return errors.business(e);
    }

    /** Problems answered since the application started, by stable code, most frequent first. */
    private List<CountRow> problems() {
        List<CountRow> rows = new ArrayList<>();
        for (Counter counter : meters.find("kakehashi.problems").counters()) {
            long count = Math.round(counter.count());
            if (count > 0) {
                rows.add(new CountRow(counter.getId().getTag("code"), count, ""));
            }
        }
        rows.sort(Comparator.comparingLong(CountRow::count).reversed().thenComparing(CountRow::label));
        return rows;
    }

    private List<RateRow> ratesInForce(Formats f, Instant now) {
        List<RateRow> rows = new ArrayList<>();
        for (String corridor : fxConfig.corridors().keySet().stream().sorted().toList()) {
            String[] currencies = corridor.split("-");
            if (currencies.length != 2) {
                continue;
            }
            CurrencyPair pair = new CurrencyPair(currencies[1], currencies[0]);
            Duration maxAge = pricing.maxAge(pair);
            try {
                ResolvedRate rate = rates.resolve(pair, now);
                rows.add(new RateRow(
                        pair.toString(),
                        f.rate(rate.mid()),
                        rate.source(),
                        rate.path().describe(),
                        f.time(rate.validFrom()),
                        f.age(Staleness.age(rate, now)),
                        Staleness.isStale(rate, now, maxAge),
                        f.age(maxAge)));
            } catch (BusinessException e) {
                rows.add(new RateRow(pair.toString(), "—", "—", e.errorCode().code(), "", "", true, f.age(maxAge)));
            }
        }
        return rows;
    }

    /** Payments per minute over the window, every minute present (zero when quiet), as the chart's JSON. */
    private String chart(Formats f, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(CHART_WINDOW);
        Map<Instant, Long> counts = new LinkedHashMap<>();
        for (Instant m = start; !m.isAfter(end); m = m.plus(Duration.ofMinutes(1))) {
            counts.put(m, 0L);
        }
        paymentFigures.perMinuteSince(start).forEach(m -> counts.computeIfPresent(m.minute(), (k, v) -> m.payments()));
        List<String> labels =
                counts.keySet().stream().map(m -> f.time(m).substring(11)).toList();
        try {
            return json.writeValueAsString(Map.of("labels", labels, "values", List.copyOf(counts.values())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
