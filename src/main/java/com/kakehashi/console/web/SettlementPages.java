package com.kakehashi.console.web;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.common.api.QueryParams;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.security.Caller;
import com.kakehashi.console.infra.ConsoleReads;
import com.kakehashi.console.session.ConsoleSession;
import com.kakehashi.console.view.Formats;
import com.kakehashi.settlement.application.SettlementQueries;
import com.kakehashi.settlement.application.SettlementRuns;
import com.kakehashi.settlement.domain.BatchState;
import com.kakehashi.settlement.domain.SettlementBatch;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Batches per bank, a batch's life, items, files and deliveries; run a cut-off now; redeliver. */
@Path("/console/settlement")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class SettlementPages {
    @Inject
    @Location("console/batches")
    Template batches;

    @Inject
    @Location("console/batch")
    Template batch;

    @Inject
    Pages pages;

    @Inject
    ErrorPages errors;

    @Inject
    ConsoleSession session;

    @Inject
    SettlementQueries queries;

    @Inject
    SettlementRuns runs;

    @Inject
    PartnerBanks banks;

    @Inject
    ConsoleReads reads;

    @Inject
    Clock clock;

    @TemplateData
    public record BatchRow(
            String id,
            String bankId,
            String cutoff,
            String cutoffAtBank,
            String state,
            String payout,
            String fees,
            String progress,
            String updated) {}

    @TemplateData
    public record ItemRow(
            String merchant,
            String endToEndId,
            String outcome,
            int payments,
            int refunds,
            String gross,
            String refunded,
            String fee,
            String net) {}

    @TemplateData
    public record BreakEvent(String state, String detail, String actor, String at) {}

    @TemplateData
    public record DeliveryRow(
            String format, String channel, String target, int attempt, String outcome, String detail, String at) {}

    @TemplateData
    public record FileRow(String format, String fileName, String sha256, String href) {}

    @TemplateData
    public record Option(String value, String label, boolean selected) {}

    @GET
    public Response list(
            @QueryParam("bank") String bank,
            @QueryParam("state") String state,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page) {
        Caller caller = session.caller();
        String scope = session.bankScope().orElse(blankToNull(bank));
        String stateFilter = blankToNull(state);
        if (stateFilter != null) {
            parseState(stateFilter);
        }
        Formats f = new Formats(session.zone());
        Map<String, PartnerBank> known = visibleBanks(caller);
        List<SettlementBatch> fetched = queries.list(
                scope,
                stateFilter,
                day("from", from, Instant.EPOCH),
                day("to", to, Instant.parse("9999-12-31T00:00:00Z")),
                Math.max(0, page),
                Pages.PAGE_SIZE);
        List<BatchRow> rows =
                fetched.stream().map(b -> row(b, known.get(b.bankId()), f)).toList();
        String query = Paging.query("bank", bank, "state", state, "from", from, "to", to);
        return ok(pages.page(batches, "settlement")
                .data("rows", rows)
                .data("paging", Paging.of(page, fetched, query))
                .data("banks", options(known.keySet().stream().sorted().toList(), nonNull(bank)))
                .data(
                        "states",
                        options(
                                Arrays.stream(BatchState.values())
                                        .map(Enum::name)
                                        .toList(),
                                nonNull(state)))
                .data("from", nonNull(from))
                .data("to", nonNull(to))
                .data("now", f.seconds(clock.instant()))
                .render());
    }

    @GET
    @Path("/batches/{id}")
    public Response one(@PathParam("id") UUID id) {
        SettlementBatch b = visible(id);
        Formats f = new Formats(session.zone());
        PartnerBank bank = banks.byId(b.bankId());
        var items = queries.items(id).stream()
                .map(i -> new ItemRow(
                        i.merchantName(),
                        nonNull(i.endToEndId()),
                        i.netting().outcome().name(),
                        i.payments(),
                        i.refunds(),
                        f.money(i.netting().grossAmount()),
                        f.money(i.netting().refundedAmount()),
                        f.money(i.netting().feeAmount()),
                        f.money(i.netting().netAmount())))
                .toList();
        var events = reads.batchEvents(id).stream()
                .map(e -> new BreakEvent(e.state(), nonNull(e.detail()), e.actor(), f.seconds(e.at())))
                .toList();
        var deliveries = reads.deliveries(id).stream()
                .map(d -> new DeliveryRow(
                        d.format(),
                        d.channel(),
                        d.target(),
                        d.attempt(),
                        d.outcome(),
                        nonNull(d.detail()),
                        f.seconds(d.at())))
                .toList();
        var files = reads.batchFiles(id).stream()
                .map(x -> new FileRow(
                        x.format(),
                        x.fileName(),
                        x.sha256(),
                        "/console/settlement/batches/" + id + "/files/" + x.format()))
                .toList();
        boolean canRedeliver =
                session.caller().isOperator() && (b.state() == BatchState.DELIVERED || b.state() == BatchState.FAILED);
        return ok(pages.page(batch, "settlement")
                .data("b", row(b, bank, f))
                .data("failure", nonNull(b.failureReason()))
                .data("fxSold", f.money(b.fxSold()))
                .data("fxBought", f.money(b.fxBought()))
                .data("items", items)
                .data("events", events)
                .data("deliveries", deliveries)
                .data("files", files)
                .data("canRedeliver", canRedeliver)
                .render());
    }

    @GET
    @Path("/batches/{id}/files/{format}")
    @Produces({"application/xml", "text/csv", MediaType.APPLICATION_OCTET_STREAM})
    public Response file(@PathParam("id") UUID id, @PathParam("format") String format) {
        visible(id);
        return com.kakehashi.settlement.api.SettlementResource.download(queries, id, format);
    }

    /** "Run a cut-off now": the bank's window up to this second, through the same service as the API and scheduler. */
    @POST
    @Path("/runs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response runNow(@FormParam("csrf") String csrf, @FormParam("bank") String bankId) {
        session.checkCsrf(csrf);
        Caller operator = session.operator();
        Instant cutoff = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SettlementRuns.Run run = runs.run(nonNull(bankId), cutoff, operator.subject());
        return Pages.seeOther(
                "/console/settlement/batches/" + run.batch().id(), run.created() ? "run_created" : "run_exists");
    }

    @POST
    @Path("/batches/{id}/redeliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response redeliver(@PathParam("id") UUID id, @FormParam("csrf") String csrf) {
        session.checkCsrf(csrf);
        runs.redeliver(id, session.operator().subject());
        return Pages.seeOther("/console/settlement/batches/" + id, "redelivered");
    }

    @ServerExceptionMapper
    public Response business(BusinessException e) {
        return errors.business(e);
    }

    /** A bank sees its own batches; another bank's batch does not exist for it (the API's rule). */
    private SettlementBatch visible(UUID id) {
        SettlementBatch b = runs.batch(id);
        if (session.bankScope().filter(own -> !own.equals(b.bankId())).isPresent()) {
            throw new BusinessException(ErrorCode.BATCH_NOT_FOUND, "No settlement batch " + id);
        }
        return b;
    }

    private Map<String, PartnerBank> visibleBanks(Caller caller) {
        List<PartnerBank> all = caller.isOperator() ? banks.all() : List.of(banks.byId(caller.subject()));
        return all.stream().collect(Collectors.toMap(PartnerBank::id, Function.identity()));
    }

    static BatchRow row(SettlementBatch b, PartnerBank bank, Formats f) {
        String zone = bank == null ? "UTC" : bank.timeZone().getId();
        return new BatchRow(
                b.id().toString(),
                b.bankId(),
                f.time(b.cutoff()),
                f.timeIn(b.cutoff(), zone),
                b.state().name(),
                f.money(b.payout()),
                f.money(b.fee()),
                b.itemsDone() + "/" + (b.itemsTotal() == null ? 0 : b.itemsTotal()),
                f.seconds(b.updatedAt()));
    }

    static List<Option> options(List<String> values, String selected) {
        return values.stream().map(v -> new Option(v, v, v.equals(selected))).toList();
    }

    private static BatchState parseState(String state) {
        try {
            return BatchState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "unknown state '" + state + "'");
        }
    }

    /** A filter date (YYYY-MM-DD, midnight UTC) or an instant. */
    private static Instant day(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return QueryParams.instant(name, value.length() == 10 ? value + "T00:00:00Z" : value, fallback);
    }

    static Response ok(String html) {
        return Response.ok(html, MediaType.TEXT_HTML_TYPE).build();
    }

    static String nonNull(String value) {
        return value == null ? "" : value;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
