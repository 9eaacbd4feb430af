package com.kakehashi.acquiring.api;

import com.kakehashi.acquiring.api.AcquiringDtos.AcquiringPaymentDto;
import com.kakehashi.acquiring.api.AcquiringDtos.AcquiringPaymentRequest;
import com.kakehashi.acquiring.api.AcquiringDtos.RefundRequest;
import com.kakehashi.acquiring.application.AcquiringPayments;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.idempotency.application.Idempotency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/acquiring/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Acquiring")
public class AcquiringPaymentResource {
    @Inject
    Caller caller;

    @Inject
    AcquiringPayments payments;

    @POST
    @RolesAllowed(Roles.ACQUIRER)
    @Operation(summary = "Charge a scanned user-presented payment code, in one step (idempotent)")
    public Response pay(
            @HeaderParam(Idempotency.KEY_HEADER) String key, @NotNull @Valid AcquiringPaymentRequest request) {
        AcquiringPayments.Paid paid = payments.pay(
                caller,
                key,
                request.paymentCode(),
                request.amount().toPositiveMoney(),
                AcquiringDtos.toDomain(request.merchant()));
        return Response.status(201)
                .entity(AcquiringDtos.toDto(paid.payment()))
                .header(Idempotency.REPLAYED_HEADER, paid.replayed())
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ACQUIRER, Roles.OPERATOR})
    public AcquiringPaymentDto get(@PathParam("id") UUID id) {
        return AcquiringDtos.toDto(payments.visibleTo(caller, id));
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed(Roles.ACQUIRER)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Void a payment no settlement batch has taken (a retry completes, never repeats, it)")
    public AcquiringPaymentDto cancel(@PathParam("id") UUID id) {
        return AcquiringDtos.toDto(payments.cancel(caller, id));
    }

    @POST
    @Path("/{id}/refunds")
    @RolesAllowed(Roles.ACQUIRER)
    @Operation(summary = "Refund all or part of an acquired payment to the wallet (idempotent)")
    public Response refund(
            @PathParam("id") UUID id,
            @HeaderParam(Idempotency.KEY_HEADER) String key,
            @NotNull @Valid RefundRequest request) {
        AcquiringDtos.AcquiringRefundDto refunded = AcquiringDtos.toDto(
                payments.refund(caller, key, id, request.amount().toPositiveMoney()));
        return Response.status(201).entity(refunded).build();
    }
}
