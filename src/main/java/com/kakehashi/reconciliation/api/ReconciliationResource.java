package com.kakehashi.reconciliation.api;

import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.reconciliation.application.Breaks;
import com.kakehashi.reconciliation.application.Reports;
import com.kakehashi.reconciliation.application.Statements;
import com.kakehashi.reconciliation.domain.ResolutionReason;
import com.kakehashi.reconciliation.infra.BreakRepository.BreakRow;
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
    @Inject
    Statements statements;
    @Inject
    Breaks breaks;
    @Inject
    Reports reports;
    @Inject
    Caller caller;

    public record BreakDto(UUID id, String bankId, String outcome, String kind, UUID expectedItemId, UUID statementId,
            Integer entry, UUID batchId, MoneyDto amount, MoneyDto difference, LocalDate valueDate, String status,
            String assignee, String reasonCode, String comment, Instant createdAt, Instant updatedAt, long version) {
        static BreakDto of(BreakRow b) {
            return new BreakDto(b.id(), b.bankId(), b.outcome(), b.kind(), b.expectedItemId(), b.statementId(), b.seq(),
                    b.batchId(), b.amountMinor() == null ? null : money(b.amountMinor(), b.currency()),
                    money(b.differenceMinor(), b.currency()), b.valueDate(), b.status(), b.assignee(), b.reasonCode(),
                    b.comment(), b.createdAt(), b.updatedAt(), b.version());
        }
    }

    public record AssignRequest(@NotBlank @Size(max = 100) String assignee) {
    }

    public record ResolutionRequest(@NotNull ResolutionReason reasonCode, @NotBlank @Size(max = 2000) String comment) {
    }

    public record ReopenRequest(@NotBlank @Size(max = 2000) String comment) {
    }

    @POST
    @Path("/statements")
    @Consumes({"application/xml", "text/xml", "text/csv"})
    @RolesAllowed({Roles.BANK, Roles.OPERATOR})
    @Operation(summary = "Submit a camt.053 / camt.054 (XML) or CSV statement; the same statement twice is recognised")
    public Response submit(@QueryParam("bankId") String bankId, @HeaderParam("Content-Type") String contentType,
            InputStream body) throws IOException {
        String bank = caller.isOperator() ? bankId : caller.subject();
        if (bank == null || bank.isBlank() || (!caller.isOperator() && bankId != null && !bankId.equals(caller.subject()))) {
            throw new BusinessException(caller.isOperator() ? ErrorCode.INVALID_REQUEST : ErrorCode.FORBIDDEN,
                    caller.isOperator() ? "bankId is required" : "A bank submits its own statements only");
        }
        Statements.Kind kind = contentType != null && contentType.startsWith("text/csv") ? Statements.Kind.CSV
                : Statements.Kind.XML;
        java.nio.file.Path file = Files.createTempFile("statement-", kind == Statements.Kind.CSV ? ".csv" : ".xml");
        try {
            try (var out = Files.newOutputStream(file)) {
                body.transferTo(out);
            }
            Statements.Received received = statements.receive(bank, kind, file, caller.subject());
            return Response.status(received.alreadyReceived() ? 200 : 201).entity(received).build();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @GET
    @Path("/breaks")
    @RolesAllowed({Roles.OPERATOR, Roles.BANK})
    @Operation(summary = "Breaks, filtered by bank, outcome, status, kind, batch; oldest first")
    public List<BreakDto> breaks(@QueryParam("bankId") String bankId, @QueryParam("outcome") String outcome,
            @QueryParam("status") String status, @QueryParam("kind") String kind, @QueryParam("batchId") UUID batchId,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "page >= 0 and 1 <= size <= 500");
        }
        String bank = caller.isOperator() ? bankId : caller.subject();
        return breaks.list(bank, outcome, status, kind, batchId, page, size).stream().map(BreakDto::of).toList();
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
    public Response bankReport(@PathParam("bankId") String bankId, @QueryParam("date") String date,
            @HeaderParam("Accept") String accept) {
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

    private BreakRow visible(UUID id) {
        BreakRow b = breaks.get(id);
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

    static MoneyDto money(long minor, String currency) {
        return currency == null ? null : MoneyDto.of(Amounts.fromMinor(minor, currency));
    }
}
