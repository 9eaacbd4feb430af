package com.kakehashi.settlement.api;

import com.kakehashi.common.api.QueryParams;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.settlement.api.SettlementDtos.AcknowledgementRequest;
import com.kakehashi.settlement.api.SettlementDtos.BatchDto;
import com.kakehashi.settlement.api.SettlementDtos.RunRequest;
import com.kakehashi.settlement.application.Acknowledgements;
import com.kakehashi.settlement.application.PayoutReturns;
import com.kakehashi.settlement.application.SettlementQueries;
import com.kakehashi.settlement.application.SettlementRuns;
import com.kakehashi.settlement.domain.BatchState;
import com.kakehashi.settlement.domain.SettlementBatch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/settlement")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Settlement")
public class SettlementResource {
    @Inject
    SettlementRuns runs;

    @Inject
    SettlementQueries queries;

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    PayoutReturns payoutReturns;

    @Inject
    Caller caller;

    @POST
    @Path("/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Run (or finish) a bank's batch for a cut-off: 201 new, 200 when it already ran")
    public Response run(@NotNull @Valid RunRequest request) {
        SettlementRuns.Run run = runs.run(request.bankId(), request.cutoff(), caller.subject());
        return Response.status(run.created() ? 201 : 200)
                .entity(BatchDto.of(run.batch(), null))
                .build();
    }

    @GET
    @Path("/batches")
    @RolesAllowed({Roles.OPERATOR, Roles.BANK})
    @Operation(summary = "Batches by bank, state and cut-off range [from, to), newest first; a bank sees its own")
    public List<BatchDto> list(
            @QueryParam("bankId") String bankId,
            @QueryParam("state") String state,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "page >= 0 and 1 <= size <= 500");
        }
        if (state != null) {
            try {
                BatchState.valueOf(state);
            } catch (IllegalArgumentException e) {
                throw new BusinessException(ErrorCode.INVALID_REQUEST, "unknown state '" + state + "'");
            }
        }
        String bank = caller.isOperator() ? bankId : caller.subject();
        return queries
                .list(
                        bank,
                        state,
                        QueryParams.instant("from", from, Instant.EPOCH),
                        QueryParams.instant("to", to, Instant.parse("9999-12-31T00:00:00Z")),
                        page,
                        size)
                .stream()
                .map(b -> BatchDto.of(b, null))
                .toList();
    }

    @GET
    @Path("/batches/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.BANK})
    @Operation(summary = "A batch with its progress, totals and items")
    public BatchDto batch(@PathParam("id") UUID id) {
        SettlementBatch batch = visible(id);
        return BatchDto.of(batch, queries.items(id), payoutReturns.returnsOf(id));
    }

    @GET
    @Path("/batches/{id}/files/{format}")
    @Produces({"application/xml", "text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.OPERATOR, Roles.BANK})
    @Operation(summary = "A batch's file as delivered: pain001 or csv")
    public Response file(@PathParam("id") UUID id, @PathParam("format") String format) {
        visible(id);
        return download(queries, id, format);
    }

    /** A batch's stored file as an attachment with its digest; the console serves downloads through it too. */
    public static Response download(SettlementQueries queries, UUID id, String format) {
        var file = queries.file(id, format)
                .orElseThrow(() ->
                        new BusinessException(ErrorCode.FILE_NOT_FOUND, "Batch " + id + " has no " + format + " file"));
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("X-Content-SHA256", file.sha256())
                .build();
    }

    @POST
    @Path("/batches/{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.BANK})
    @Operation(summary = "The bank's answer as JSON {status: ACCEPTED|REJECTED, reason?}")
    public BatchDto acknowledge(@PathParam("id") UUID id, @NotNull @Valid AcknowledgementRequest request) {
        visible(id);
        boolean accepted = switch (request.status()) {
            case "ACCEPTED" -> true;
            case "REJECTED" -> false;
            default -> throw new BusinessException(ErrorCode.ACKNOWLEDGEMENT_INVALID, "status is ACCEPTED or REJECTED");
        };
        String reason = accepted ? null : (request.reason() == null ? "rejected by the bank" : request.reason());
        return BatchDto.of(
                acknowledgements.acknowledge(id, new Acknowledgements.Answer(accepted, reason), caller.subject()),
                null);
    }

    @POST
    @Path("/batches/{id}/acknowledgement")
    @Consumes({"application/xml", "text/xml"})
    @RolesAllowed({Roles.OPERATOR, Roles.BANK})
    @Operation(summary = "The bank's answer as an ISO 20022 pain.002.001.10 status report")
    public BatchDto acknowledgePain002(@PathParam("id") UUID id, byte[] body) {
        visible(id);
        var answer =
                Acknowledgements.fromPain002(id, new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8));
        return BatchDto.of(acknowledgements.acknowledge(id, answer, caller.subject()), null);
    }

    @POST
    @Path("/batches/{id}/redeliver")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Deliver a DELIVERED or FAILED batch's files again (idempotent at the bank)")
    public BatchDto redeliver(@PathParam("id") UUID id) {
        return BatchDto.of(runs.redeliver(id, caller.subject()), null);
    }

    /** Operators see every batch; a bank only its own (another bank's batch does not exist for it). */
    private SettlementBatch visible(UUID id) {
        SettlementBatch batch = runs.batch(id);
        if (!caller.isOperator() && !batch.bankId().equals(caller.subject())) {
            throw new BusinessException(ErrorCode.BATCH_NOT_FOUND, "No settlement batch " + id);
        }
        return batch;
    }
}
