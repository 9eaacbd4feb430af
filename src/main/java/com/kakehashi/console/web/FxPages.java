package com.kakehashi.console.web;

import static com.kakehashi.console.web.SettlementPages.nonNull;
import static com.kakehashi.console.web.SettlementPages.ok;
import static com.kakehashi.console.web.SettlementPages.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.console.infra.HeldRatesApi;
import com.kakehashi.console.session.ConsoleSession;
import com.kakehashi.console.view.Formats;
import com.kakehashi.fx.application.FxImports;
import com.kakehashi.fx.application.FxRates;
import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.FxRate;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Rate history per pair (chart and table), rates held for four-eyes approval, rate file import. */
@Path("/console/fx")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class FxPages {
    /** The chart shows this much history of the pair. */
    static final Duration HISTORY_WINDOW = Duration.ofDays(90);

    static final int CHART_POINTS = 500;

    @Inject
    @Location("console/fx")
    Template fx;

    @Inject
    Pages pages;

    @Inject
    ErrorPages errors;

    @Inject
    ConsoleSession session;

    @Inject
    FxRates rates;

    @Inject
    FxImports imports;

    @Inject
    HeldRatesApi held;

    @Inject
    PartnerBanks banks;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @TemplateData
    public record RateRow(String validFrom, String mid, String bid, String ask, String source, String received) {}

    @TemplateData
    public record HeldRow(
            String id,
            String pair,
            String rate,
            String rateInForce,
            String deviationBps,
            String source,
            String submittedBy,
            String submittedAt,
            String validFrom,
            String status) {}

    @GET
    public Response page(
            @QueryParam("base") @DefaultValue("CNY") String base,
            @QueryParam("quote") @DefaultValue("JPY") String quote,
            @QueryParam("page") @DefaultValue("0") int page) {
        session.operator();
        Formats f = new Formats(session.zone());
        CurrencyPair pair = pair(base, quote);
        Instant now = clock.instant();
        List<FxRate> fetched =
                rates.history(pair, now.minus(HISTORY_WINDOW), now.plusSeconds(1), Math.max(0, page), Pages.PAGE_SIZE);
        List<RateRow> rows = fetched.stream()
                .map(r -> new RateRow(
                        f.seconds(r.validFrom()),
                        f.rate(r.mid()),
                        r.bid() == null ? "" : f.rate(r.bid()),
                        r.ask() == null ? "" : f.rate(r.ask()),
                        r.source(),
                        f.seconds(r.receivedAt())))
                .toList();
        var heldRates = held.pending(session.localPort(), session.token());
        List<HeldRow> heldRows = heldRates.orElse(List.of()).stream()
                .map(h -> new HeldRow(
                        h.id(),
                        h.base() + "/" + h.quote(),
                        h.rate() == null ? "" : f.rate(h.rate()),
                        h.rateInForce() == null ? "" : f.rate(h.rateInForce()),
                        h.deviationBps(),
                        h.source(),
                        h.submittedBy(),
                        f.seconds(h.submittedAt()),
                        f.seconds(h.validFrom()),
                        h.status()))
                .toList();
        List<String> bankIds =
                banks.all().stream().map(PartnerBank::id).sorted().toList();
        return ok(pages.page(fx, "fx")
                .data("pair", pair.toString())
                .data("base", pair.base())
                .data("quote", pair.quote())
                .data("rows", rows)
                .data("paging", Paging.of(page, fetched, Paging.query("base", base, "quote", quote)))
                .data("chart", chart(pair, now, f))
                .data("held", heldRows)
                .data("approvalAvailable", heldRates.isPresent())
                .data("banks", options(bankIds, ""))
                .render());
    }

    @POST
    @Path("/held/{id}/approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") String id, @jakarta.ws.rs.FormParam("csrf") String csrf) {
        session.checkCsrf(csrf);
        session.operator();
        return decided(held.approve(session.localPort(), session.token(), id), "approved");
    }

    @POST
    @Path("/held/{id}/rejection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(
            @PathParam("id") String id,
            @jakarta.ws.rs.FormParam("csrf") String csrf,
            @jakarta.ws.rs.FormParam("reason") String reason) {
        session.checkCsrf(csrf);
        session.operator();
        if (reason == null || reason.isBlank()) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "A rejection needs a reason");
        }
        return decided(held.reject(session.localPort(), session.token(), id, reason.strip()), "rejected");
    }

    /** Import an ECB eurofxref file or a bank's rate CSV, all or nothing, as the API's POST /v1/fx/rate-files. */
    @POST
    @Path("/rate-files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importFile(
            @RestForm("csrf") String csrf,
            @RestForm("format") String format,
            @RestForm("bank") String bank,
            @RestForm("file") FileUpload file)
            throws IOException {
        session.checkCsrf(csrf);
        String actor = session.operator().subject();
        FxImports.Format parsed = switch (nonNull(format)) {
            case "ecb" -> FxImports.Format.ECB;
            case "bank-csv" -> FxImports.Format.BANK_CSV;
            default -> throw new BusinessException(ErrorCode.INVALID_REQUEST, "format must be ecb or bank-csv");
        };
        if (file == null || file.uploadedFile() == null) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "Choose a rate file");
        }
        if (parsed == FxImports.Format.BANK_CSV && nonNull(bank).isBlank()) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "Choose the bank whose rates these are");
        }
        FxImports.Report report = imports.importFile(parsed, Files.readAllBytes(file.uploadedFile()), bank, actor);
        return Pages.seeOther("/console/fx", report.result().held().isEmpty() ? "imported" : "imported_held");
    }

    @ServerExceptionMapper
    public Response business(BusinessException e) {
        return errors.business(e);
    }

    private Response decided(HeldRatesApi.Decision decision, String notice) {
        if (!decision.done()) {
            return errors.problem(decision.status(), decision.code(), decision.detail()); // the API's own refusal
        }
        return Pages.seeOther("/console/fx", notice);
    }

    /** The pair's mids over the window, oldest first, as the chart's JSON (decimal strings: no floating point). */
    private String chart(CurrencyPair pair, Instant now, Formats f) {
        List<FxRate> history = rates.history(pair, now.minus(HISTORY_WINDOW), now.plusSeconds(1), 0, CHART_POINTS)
                .reversed();
        try {
            return json.writeValueAsString(Map.of(
                    "labels",
                    history.stream().map(r -> f.time(r.validFrom())).toList(),
                    "values",
                    history.stream().map(r -> r.mid().toPlainString()).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CurrencyPair pair(String base, String quote) {
        try {
            return CurrencyPair.of(
                    base.strip().toUpperCase(java.util.Locale.ROOT),
                    quote.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST, "base and quote are ISO 4217 codes: " + e.getMessage());
        }
    }
}
