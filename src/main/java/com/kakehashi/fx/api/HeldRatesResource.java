package com.kakehashi.fx.api;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.fx.api.FxDtos.AuditEventDto;
import com.kakehashi.fx.api.FxDtos.PendingRateDto;
import com.kakehashi.fx.api.FxDtos.RateDto;
import com.kakehashi.fx.api.FxDtos.RejectionRequest;
import com.kakehashi.fx.application.HeldRates;
import com.kakehashi.fx.domain.PendingRate;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Four-eyes FX rates: operators see the figures held outside the band, and a second operator decides. */
@Path("/v1/fx/rates/pending")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "FX")
public class HeldRatesResource {
    @Inject
    HeldRates held;

    @Inject
    Caller caller;

    @GET
    @Operation(
            summary =
                    "Rates held for approval (status=PENDING_APPROVAL by default, or APPROVED, REJECTED), oldest first")
    public List<PendingRateDto> list(@QueryParam("status") @DefaultValue("PENDING_APPROVAL") String status) {
        return held.list(status(status)).stream().map(PendingRateDto::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One held rate")
    public PendingRateDto one(@PathParam("id") String id) {
        return PendingRateDto.of(held.one(id(id)));
    }

    @GET
    @Path("/{id}/audit")
    @Operation(summary = "Who held, approved or rejected the rate, when and why")
    public List<AuditEventDto> audit(@PathParam("id") String id) {
        return held.audit(id(id)).stream()
                .map(e -> new AuditEventDto(e.status().name(), e.actor(), e.at(), e.reason()))
                .toList();
    }

    @POST
    @Path("/{id}/approval")
    @Operation(
            summary = "Approve a held rate (not its submitter): it is published, in force from now; answers the rate")
    public RateDto approve(@PathParam("id") String id) {
        return RateDto.of(held.approve(id(id), caller.subject()));
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a held rate with a reason; it is never published")
    public PendingRateDto reject(@PathParam("id") String id, @NotNull @Valid RejectionRequest request) {
        return PendingRateDto.of(held.reject(id(id), caller.subject(), request.reason()));
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.FX_PENDING_RATE_NOT_FOUND, "No rate held for approval with this id");
        }
    }

    private static PendingRate.Status status(String text) {
        try {
            return PendingRate.Status.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "status is PENDING_APPROVAL, APPROVED or REJECTED");
        }
    }
}
