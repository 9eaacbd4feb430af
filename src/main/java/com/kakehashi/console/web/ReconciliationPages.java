package com.kakehashi.console.web;

import static com.kakehashi.console.web.SettlementPages.blankToNull;
import static com.kakehashi.console.web.SettlementPages.nonNull;
import static com.kakehashi.console.web.SettlementPages.ok;
import static com.kakehashi.console.web.SettlementPages.options;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.console.session.ConsoleSession;
import com.kakehashi.console.view.Formats;
import com.kakehashi.reconciliation.application.Breaks;
import com.kakehashi.reconciliation.application.ReceivedStatements;
import com.kakehashi.reconciliation.application.Reports;
import com.kakehashi.reconciliation.application.Statements;
import com.kakehashi.reconciliation.domain.BreakRecord;
import com.kakehashi.reconciliation.domain.BreakStatus;
import com.kakehashi.reconciliation.domain.ExpectedItem;
import com.kakehashi.reconciliation.domain.Outcome;
import com.kakehashi.reconciliation.domain.ReceivedStatement;
import com.kakehashi.reconciliation.domain.ResolutionReason;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Statements received, breaks with their workflow and history, reports with CSV download. */
@Path("/console/reconciliation")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ReconciliationPages {
    @Inject
    @Location("console/statements")
    Template statementsPage;

    @Inject
    @Location("console/breaks")
    Template breaksPage;

    @Inject
    @Location("console/break")
    Template breakPage;

    @Inject
    Pages pages;

    @Inject
    ErrorPages errors;

    @Inject
    ConsoleSession session;

    @Inject
    ReceivedStatements receivedStatements;

    @Inject
    Statements statements;

    @Inject
    Breaks breaks;

    @Inject
    Reports reports;

    @Inject
    PartnerBanks banks;

    @Inject
    Clock clock;

    @TemplateData
    public record StatementRow(
            String id,
            String bankId,
            String format,
            String reference,
            String account,
            String date,
            String opening,
            String closing,
            String entriesTotal,
            boolean balanced,
            int entries,
            boolean superseded,
            String receivedBy,
            String receivedAt) {}

    @TemplateData
    public record BreakView(
            String id,
            String bankId,
            String outcome,
            String kind,
            String batchId,
            String statementId,
            String entry,
            String expectedItemId,
            String amount,
            String difference,
            String valueDate,
            String status,
            String assignee,
            String reason,
            String comment,
            String created,
            String age,
            long version) {}

    @TemplateData
    public record HistoryRow(String action, String actor, String detail, String at) {}

    @GET
    public Response statementsList(@QueryParam("page") @DefaultValue("0") int page) {
        session.caller();
        Formats f = new Formats(session.zone());
        String scope = session.bankScope().orElse(null);
        var fetched = receivedStatements.page(session.bankScope(), Math.max(0, page), Pages.PAGE_SIZE);
        var rows = fetched.stream().map(st -> statementRow(st, f)).toList();
        List<String> bankIds = scope == null
                ? banks.all().stream().map(PartnerBank::id).sorted().toList()
                : List.of(scope);
        return ok(pages.page(statementsPage, "reconciliation")
                .data("rows", rows)
                .data("paging", Paging.of(page, fetched, ""))
                .data("banks", options(bankIds, ""))
                .data(
                        "today",
                        clock.instant().atZone(session.zone()).toLocalDate().toString())
                .data("report", List.of())
                .data("statementId", "")
                .data("reportHref", "")
                .render());
    }

    /** Upload a camt.053 / camt.054 (XML) or CSV statement, as the API's POST /v1/reconciliation/statements. */
    @POST
    @Path("/statements")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(
            @RestForm("csrf") String csrf, @RestForm("bank") String bank, @RestForm("statement") FileUpload file) {
        session.checkCsrf(csrf);
        var caller = session.caller();
        String bankId = session.bankScope().orElse(nonNull(bank));
        if (bankId.isBlank() || file == null || file.uploadedFile() == null) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "Choose a bank and a statement file");
        }
        String name = nonNull(file.fileName()).toLowerCase(java.util.Locale.ROOT);
        Statements.Kind kind =
                name.endsWith(".csv") || nonNull(file.contentType()).startsWith("text/csv")
                        ? Statements.Kind.CSV
                        : Statements.Kind.XML;
        Statements.Intake intake = statements.receive(
                bankId, kind, charsetOf(file.contentType()), spooledCopy(kind, file.uploadedFile()), caller.subject());
        intake = awaitProcessed(intake);
        String notice = intake.alreadyReceived() ? "statement_again" : "statement_received";
        return intake.statementIds() == null || intake.statementIds().isEmpty()
                ? Pages.seeOther("/console/reconciliation", notice)
                : Pages.seeOther(
                        "/console/reconciliation/statements/"
                                + intake.statementIds().get(0),
                        notice);
    }

    /** The upload is processed off the request thread; the operator waits a bounded while to see the result. */
    private Statements.Intake awaitProcessed(Statements.Intake intake) {
        Statements.Intake current = intake;
        for (int attempt = 0; attempt < 60 && !current.done(); attempt++) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
            current = statements.status(intake.statementId());
        }
        return current;
    }

    /** Statements takes over (and deletes) the file it is given; the upload's own file belongs to the framework. */
    private java.nio.file.Path spooledCopy(Statements.Kind kind, java.nio.file.Path uploaded) {
        try {
            java.nio.file.Path spooled = statements.spoolFile(kind);
            java.nio.file.Files.copy(uploaded, spooled, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return spooled;
        } catch (java.io.IOException e) {
            throw new BusinessException(ErrorCode.STATEMENT_INVALID, "the upload could not be stored");
        }
    }

    private static java.nio.charset.Charset charsetOf(String contentType) {
        String type = nonNull(contentType).toLowerCase(java.util.Locale.ROOT);
        return type.contains("shift_jis") || type.contains("sjis") || type.contains("windows-31j")
                ? java.nio.charset.Charset.forName("Shift_JIS")
                : java.nio.charset.StandardCharsets.UTF_8;
    }

    @GET
    @Path("/statements/{id}")
    public Response statement(@PathParam("id") UUID id) {
        Formats f = new Formats(session.zone());
        var st = receivedStatements.visible(session.bankScope(), id);
        Reports.Report report = reports.statement(id);
        return ok(pages.page(statementsPage, "reconciliation")
                .data("rows", List.of(statementRow(st, f)))
                .data("paging", new Paging(0, false, false, ""))
                .data("banks", List.of())
                .data("today", "")
                .data("report", reportRows(report, st.currency(), f))
                .data("statementId", id.toString())
                .data("reportHref", "/console/reconciliation/reports/statements/" + id + ".csv")
                .render());
    }

    @GET
    @Path("/breaks")
    public Response breaksList(
            @QueryParam("bank") String bank,
            @QueryParam("outcome") String outcome,
            @QueryParam("status") String status,
            @QueryParam("kind") String kind,
            @QueryParam("batch") String batch,
            @QueryParam("minAgeDays") String minAgeDays,
            @QueryParam("page") @DefaultValue("0") int page) {
        session.caller();
        Formats f = new Formats(session.zone());
        String scope = session.bankScope().orElse(blankToNull(bank));
        UUID batchId = uuidOrNull(batch);
        int minAge = minAgeDays == null || minAgeDays.isBlank() ? 0 : parseAge(minAgeDays);
        // the age filter is part of the query, so every page holds PAGE_SIZE breaks of that age (when there are)
        java.time.Instant openedBefore = minAge == 0 ? null : clock.instant().minus(Duration.ofDays(minAge));
        List<BreakRecord> fetched = breaks.list(
                scope,
                blankToNull(outcome),
                blankToNull(status),
                blankToNull(kind),
                batchId,
                openedBefore,
                Math.max(0, page),
                Pages.PAGE_SIZE);
        var rows = fetched.stream().map(b -> view(b, f)).toList();
        List<String> bankIds = session.bankScope()
                .map(List::of)
                .orElseGet(
                        () -> banks.all().stream().map(PartnerBank::id).sorted().toList());
        String query = Paging.query(
                "bank",
                bank,
                "outcome",
                outcome,
                "status",
                status,
                "kind",
                kind,
                "batch",
                batch,
                "minAgeDays",
                minAgeDays);
        return ok(pages.page(breaksPage, "reconciliation")
                .data("rows", rows)
                .data("paging", Paging.of(page, fetched, query))
                .data("banks", options(bankIds, nonNull(bank)))
                .data(
                        "outcomes",
                        options(
                                names(Outcome.values()).stream()
                                        .filter(o -> !o.equals("MATCHED"))
                                        .toList(),
                                nonNull(outcome)))
                .data("statuses", options(names(BreakStatus.values()), nonNull(status)))
                .data("kinds", options(names(ExpectedItem.Kind.values()), nonNull(kind)))
                .data("batch", nonNull(batch))
                .data("minAgeDays", nonNull(minAgeDays))
                .data("bankReportHref", scope == null ? "" : "/console/reconciliation/reports/banks/" + scope + ".csv")
                .data(
                        "batchReportHref",
                        batchId == null || !session.caller().isOperator()
                                ? ""
                                : "/console/reconciliation/reports/batches/" + batchId + ".csv")
                .render());
    }

    @GET
    @Path("/breaks/{id}")
    public Response breakDetails(@PathParam("id") UUID id) {
        BreakRecord b = visibleBreak(id);
        Formats f = new Formats(session.zone());
        List<HistoryRow> history = session.caller().isOperator()
                ? breaks.history(id).stream()
                        .map(e -> new HistoryRow(e.action(), e.actor(), nonNull(e.detail()), f.seconds(e.at())))
                        .toList()
                : List.of();
        List<String> reasons = names(ResolutionReason.values()).stream()
                .filter(r -> !r.equals("CLEARED"))
                .toList();
        return ok(pages.page(breakPage, "reconciliation")
                .data("b", view(b, f))
                .data("history", history)
                .data("reasons", options(reasons, ""))
                .render());
    }

    @POST
    @Path("/breaks/{id}/assignment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(
            @PathParam("id") UUID id, @FormParam("csrf") String csrf, @FormParam("assignee") String assignee) {
        session.checkCsrf(csrf);
        String actor = session.operator().subject();
        breaks.assign(id, required(assignee, 100, "assignee"), actor);
        return Pages.seeOther("/console/reconciliation/breaks/" + id, "assigned");
    }

    @POST
    @Path("/breaks/{id}/resolution")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(
            @PathParam("id") UUID id,
            @FormParam("csrf") String csrf,
            @FormParam("reason") String reason,
            @FormParam("comment") String comment) {
        session.checkCsrf(csrf);
        String actor = session.operator().subject();
        ResolutionReason code;
        try {
            code = ResolutionReason.valueOf(nonNull(reason));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "Choose a resolution reason");
        }
        breaks.resolve(id, code, required(comment, 2000, "comment"), actor);
        return Pages.seeOther("/console/reconciliation/breaks/" + id, "resolved");
    }

    @POST
    @Path("/breaks/{id}/reopening")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reopen(
            @PathParam("id") UUID id, @FormParam("csrf") String csrf, @FormParam("comment") String comment) {
        session.checkCsrf(csrf);
        String actor = session.operator().subject();
        breaks.reopen(id, required(comment, 2000, "comment"), actor);
        return Pages.seeOther("/console/reconciliation/breaks/" + id, "reopened");
    }

    @GET
    @Path("/reports/statements/{id}.csv")
    @Produces("text/csv")
    public Response statementReport(@PathParam("id") UUID id) {
        Reports.Report report = reports.statement(id);
        requireBank(report.bankId());
        return csv(report, "statement-" + id);
    }

    @GET
    @Path("/reports/batches/{id}.csv")
    @Produces("text/csv")
    public Response batchReport(@PathParam("id") UUID id) {
        session.operator();
        return csv(reports.batch(id), "batch-" + id);
    }

    @GET
    @Path("/reports/banks/{bankId}.csv")
    @Produces("text/csv")
    public Response bankReport(@PathParam("bankId") String bankId, @QueryParam("date") String date) {
        requireBank(bankId);
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "date must be YYYY-MM-DD");
        }
        return csv(reports.bank(bankId, day), "bank-" + bankId + (day == null ? "" : "-" + day));
    }

    @ServerExceptionMapper
    public Response business(BusinessException e) {
        return errors.business(e);
    }

    private Response csv(Reports.Report report, String name) {
        return Response.ok(report.csv(), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"reconciliation-" + name + ".csv\"")
                .build();
    }

    private void requireBank(String bankId) {
        if (session.bankScope().filter(own -> !own.equals(bankId)).isPresent()) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "A bank sees its own reports only");
        }
    }

    /** A bank sees its own breaks; another bank's break does not exist for it (the API's rule). */
    private BreakRecord visibleBreak(UUID id) {
        BreakRecord b = breaks.get(id);
        if (session.bankScope().filter(own -> !own.equals(b.bankId())).isPresent()) {
            throw new BusinessException(ErrorCode.BREAK_NOT_FOUND, "No break " + id);
        }
        return b;
    }

    private StatementRow statementRow(ReceivedStatement st, Formats f) {
        String c = st.currency();
        return new StatementRow(
                st.id().toString(),
                st.bankId(),
                st.format(),
                st.reference(),
                st.account(),
                f.date(st.date()),
                f.money(st.opening()),
                f.money(st.closing()),
                f.money(st.entriesTotal()),
                st.balanced(),
                st.entries(),
                st.superseded(),
                st.receivedBy(),
                f.seconds(st.receivedAt()));
    }

    private List<SettlementPages.Option> reportRows(Reports.Report report, String currency, Formats f) {
        return report.lines().stream()
                .map(l -> new SettlementPages.Option(
                        l.outcome(), l.count() + " · " + f.money(l.amountMinor().longValueExact(), currency), false))
                .toList();
    }

    private BreakView view(BreakRecord b, Formats f) {
        String c = b.currency();
        return new BreakView(
                b.id().toString(),
                b.bankId(),
                b.outcome(),
                nonNull(b.kind()),
                text(b.batchId()),
                text(b.statementId()),
                b.seq() == null ? "" : b.seq().toString(),
                text(b.expectedItemId()),
                f.money(b.amount()),
                f.money(b.difference()),
                f.date(b.valueDate()),
                b.status(),
                nonNull(b.assignee()),
                nonNull(b.reasonCode()),
                nonNull(b.comment()),
                f.seconds(b.createdAt()),
                f.age(Duration.between(b.createdAt(), clock.instant())),
                b.version());
    }

    private static String text(UUID id) {
        return id == null ? "" : id.toString();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static UUID uuidOrNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "batch must be a batch id (UUID)");
        }
    }

    private static int parseAge(String days) {
        try {
            return Math.max(0, Integer.parseInt(days.strip()));
        } catch (NumberFormatException e) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "age is a whole number of days");
        }
    }

    private static String required(String value, int max, String field) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST, field + " is required (at most " + max + " characters)");
        }
        return value.strip();
    }
}
