package com.kakehashi.reconciliation.api;

import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.common.zengin.ZenginText;
import com.kakehashi.reconciliation.application.Breaks;
import com.kakehashi.reconciliation.application.Reports;
import com.kakehashi.reconciliation.application.Statements;
import com.kakehashi.reconciliation.domain.BreakRecord;
import com.kakehashi.reconciliation.domain.ResolutionReason;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation")
public class ReconciliationResource {
    /** The Zengin 入出金取引明細 has no registered media type; this one names it. */
    public static final String ZENGIN_MEDIA_TYPE = "application/x-zengin";

    @Inject
    Statements statements;

    @Inject
    Breaks breaks;

    @Inject
    Reports reports;

    @Inject
    Caller caller;

    /** A break with what an operator needs to chase it with the bank. */
    public record BreakDto(
            UUID id,
            String bankId,
            String outcome,
            String kind,
            UUID expectedItemId,
            UUID statementId,
            String statementRef,
            Integer entry,
            Integer line,
            UUID batchId,
            String endToEndId,
            String bankReference,
            String counterparty,
            MoneyDto amount,
            MoneyDto difference,
            LocalDate valueDate,
            String status,
            String assignee,
            String reasonCode,
            String comment,
            String detail,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        static BreakDto of(BreakRecord b) {
            return new BreakDto(
                    b.id(),
                    b.bankId(),
                    b.outcome(),
                    b.kind(),
                    b.expectedItemId(),
                    b.statementId(),
                    b.statementRef(),
                    b.entry() != null ? b.entry() : b.seq(),
                    b.seq(),
                    b.batchId(),
                    b.endToEndId(),
                    b.bankReference(),
                    b.counterparty(),
                    MoneyDto.of(b.amount()),
                    MoneyDto.of(b.difference()),
                    b.valueDate(),
                    b.status(),
                    b.assignee(),
                    b.reasonCode(),
                    b.comment(),
                    b.detail(),
                    b.createdAt(),
                    b.updatedAt(),
                    b.version());
        }
    }

    public record AssignRequest(@NotBlank @Size(max = 100) String assignee) {}

    public record ResolutionRequest(
            @NotNull ResolutionReason reasonCode,
            @NotBlank @Size(max = 2000) String comment) {}

    public record ReopenRequest(@NotBlank @Size(max = 2000) String comment) {}

    @POST
    @Path("/statements")
    @Consumes({"application/xml", "text/xml", "text/csv", ZENGIN_MEDIA_TYPE})
    @RolesAllowed({Roles.BANK, Roles.OPERATOR})
    @Operation(
            summary = "Submit a camt.053 / camt.054 (XML), a CSV statement (UTF-8, or the charset the Content-Type"
                    + " names, e.g. Shift_JIS) or a Zengin 入出金取引明細 (" + ZENGIN_MEDIA_TYPE
                    + ", fixed length, Shift_JIS);"
                    + " 202 and processed in the background, status at the Location;"
                    + " the same statement twice is recognised unless its processing failed")
    public Response submit(
            @QueryParam("bankId") String bankId, @HeaderParam("Content-Type") String contentType, InputStream body)
            throws IOException {
        String bank = caller.isOperator() ? bankId : caller.subject();
        if (bank == null
                || bank.isBlank()
                || (!caller.isOperator() && bankId != null && !bankId.equals(caller.subject()))) {
            throw new BusinessException(
                    caller.isOperator() ? ErrorCode.INVALID_REQUEST : ErrorCode.FORBIDDEN,
                    caller.isOperator() ? "bankId is required" : "A bank submits its own statements only");
        }
        Statements.Kind kind = contentType != null && contentType.startsWith("text/csv")
                ? Statements.Kind.CSV
                : contentType != null && contentType.startsWith(ZENGIN_MEDIA_TYPE)
                        ? Statements.Kind.ZENGIN
                        : Statements.Kind.XML;
        Charset charset = kind == Statements.Kind.ZENGIN ? ZenginText.SHIFT_JIS : charset(contentType);
        java.nio.file.Path file = statements.spoolFile(kind);
        try (var out = Files.newOutputStream(file)) {
            body.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        Statements.Intake intake = statements.receive(bank, kind, charset, file, caller.subject());
        int status = intake.alreadyReceived() ? 200 : 202;
        return Response.status(status)
                .location(URI.create("/v1/reconciliation/statements/" + intake.statementId()))
                .entity(intake)
                .build();
    }

    @GET
    @Path("/statements/{id}")
    @RolesAllowed({Roles.BANK, Roles.OPERATOR})
    @Operation(
            summary =
                    "A submitted statement: RECEIVED, PROCESSING, PROCESSED (with what it held) or FAILED (with a problem)")
    public Statements.Intake statement(@PathParam("id") UUID id) {
        Statements.Intake intake = statements.status(id);
        if (!caller.isOperator() && !intake.bankId().equals(caller.subject())) {
            throw new BusinessException(ErrorCode.STATEMENT_NOT_FOUND, "No statement " + id);
        }
        return intake;
    }

    private static Charset charset(String contentType) {
        String name = null;
        try {
            name = contentType == null
                    ? null
                    : MediaType.valueOf(contentType).getParameters().get("charset");
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name.replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "charset '" + name + "' is not supported");
        }
    }

    @GET
    @Path("/breaks")
    @RolesAllowed({Roles.OPERATOR, Roles.BANK})
    @Operation(summary = "Breaks, filtered by bank, outcome, status, kind, batch and age (openedBefore); oldest first")
    public List<BreakDto> breaks(
            @QueryParam("bankId") String bankId,
            @QueryParam("outcome") String outcome,
            @QueryParam("status") String status,
            @QueryParam("kind") String kind,
            @QueryParam("batchId") UUID batchId,
            @QueryParam("openedBefore") String openedBefore,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("100") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "page >= 0 and 1 <= size <= 500");
        }
        String bank = caller.isOperator() ? bankId : caller.subject();
        return breaks
                .list(bank, outcome, status, kind, batchId, instantOrNull(openedBefore, "openedBefore"), page, size)
                .stream()
                .map(BreakDto::of)
                .toList();
    }

    @GET
    @Path("/breaks/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.BANK})
    public BreakDto one(@PathParam("id") UUID id) {
        return BreakDto.of(visible(id));
    }

    @GET
    @Path("/breaks/{id}/history")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Who changed the break, when, and what")
    public List<?> history(@PathParam("id") UUID id) {
        return breaks.history(id);
    }

    @POST
    @Path("/breaks/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public BreakDto assign(@PathParam("id") UUID id, @NotNull @Valid AssignRequest request) {
        return BreakDto.of(breaks.assign(id, request.assignee(), caller.subject()));
    }

    @POST
    @Path("/breaks/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Resolve with a reason code and a comment")
    public BreakDto resolve(@PathParam("id") UUID id, @NotNull @Valid ResolutionRequest request) {
        return BreakDto.of(breaks.resolve(id, request.reasonCode(), request.comment(), caller.subject()));
    }

    @POST
    @Path("/breaks/{id}/reopening")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public BreakDto reopen(@PathParam("id") UUID id, @NotNull @Valid ReopenRequest request) {
        return BreakDto.of(breaks.reopen(id, request.comment(), caller.subject()));
    }

    @GET
    @Path("/reports/statements/{id}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.OPERATOR, Roles.BANK})
    @Operation(summary = "Counts and sums by outcome for one statement (JSON, or CSV with Accept: text/csv)")
    public Response statementReport(@PathParam("id") UUID id, @HeaderParam("Accept") String accept) {
        Reports.Report report = reports.statement(id);
        requireBank(report.bankId());
        return render(report, accept);
    }

    @GET
    @Path("/reports/batches/{id}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed(Roles.OPERATOR)
    public Response batchReport(@PathParam("id") UUID id, @HeaderParam("Accept") String accept) {
        return render(reports.batch(id), accept);
    }

    @GET
    @Path("/reports/banks/{bankId}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.OPERATOR, Roles.BANK})
    @Operation(summary = "Counts and sums by outcome for a bank, optionally one day (date=YYYY-MM-DD)")
    public Response bankReport(
            @PathParam("bankId") String bankId, @QueryParam("date") String date, @HeaderParam("Accept") String accept) {
        requireBank(bankId);
        LocalDate day;
        try {
            day = date == null ? null : LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "date must be YYYY-MM-DD");
        }
        return render(reports.bank(bankId, day), accept);
    }

    private Response render(Reports.Report report, String accept) {
        if (accept != null && accept.contains("text/csv")) {
            return Response.ok(report.csv(), "text/csv").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    private BreakRecord visible(UUID id) {
        BreakRecord b = breaks.get(id);
        if (!caller.isOperator() && !b.bankId().equals(caller.subject())) {
            throw new BusinessException(ErrorCode.BREAK_NOT_FOUND, "No break " + id);
        }
        return b;
    }

    private void requireBank(String bankId) {
        if (!caller.isOperator() && !caller.subject().equals(bankId)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "A bank sees its own reports only");
        }
    }

    private static Instant instantOrNull(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST, name + " must be an ISO 8601 instant, e.g. 2026-11-27T00:00:00Z");
        }
        if (!com.kakehashi.common.time.InstantRange.contains(instant)) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST, name + " must be " + com.kakehashi.common.time.InstantRange.DESCRIPTION);
        }
        return instant;
    }
}
