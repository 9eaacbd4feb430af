package com.kakehashi.payment.api;

import com.kakehashi.common.api.BackPressured;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.idempotency.application.Idempotency;
import com.kakehashi.payment.api.PaymentDtos.PaymentDto;
import com.kakehashi.payment.api.PaymentDtos.PaymentRequest;
import com.kakehashi.payment.api.PaymentDtos.RefundRequest;
import com.kakehashi.payment.application.Payments;
import com.kakehashi.payment.application.Refunds;
import com.kakehashi.payment.application.Refunds.RefundOutcome;
import com.kakehashi.payment.domain.CaptureOutcome;
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

@Path("/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class PaymentResource {
    @Inject
    Caller caller;

    @Inject
    Payments payments;

    @Inject
    Refunds refunds;

    @POST
    @io.smallrye.common.annotation.RunOnVirtualThread
    @BackPressured
    @RolesAllowed(Roles.TRAVELLER)
    @Operation(summary = "Confirm a signed quote: charge the wallet, make the merchant owed (idempotent)")
    public Response pay(@HeaderParam(Idempotency.KEY_HEADER) String key, @NotNull @Valid PaymentRequest request) {
        return switch (payments.capture(caller, key, request.quoteToken())) {
            case CaptureOutcome.Captured captured ->
                created(PaymentDtos.toDto(captured.payment()), captured.replayed());
            case CaptureOutcome.Rejected rejected -> throw new BusinessException(rejected.code(), rejected.detail());
        };
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TRAVELLER, Roles.MERCHANT, Roles.OPERATOR})
    public PaymentDto get(@PathParam("id") UUID id) {
        return PaymentDtos.toDto(payments.visibleTo(caller, id));
    }

    @POST
    @Path("/{id}/refunds")
    @RolesAllowed(Roles.MERCHANT)
    @Operation(summary = "Refund all or part of a payment to the wallet (idempotent)")
    public Response refund(
            @PathParam("id") UUID id,
            @HeaderParam(Idempotency.KEY_HEADER) String key,
            @NotNull @Valid RefundRequest request) {
        return switch (refunds.refund(caller, key, id, request.amount().toPositiveMoney())) {
            case RefundOutcome.Refunded refunded -> created(PaymentDtos.toDto(refunded.refund()), refunded.replayed());
            case RefundOutcome.Rejected rejected -> throw new BusinessException(rejected.code(), rejected.detail());
        };
    }

    private static Response created(Object body, boolean replayed) {
        return Response.status(201)
                .entity(body)
                .header(Idempotency.REPLAYED_HEADER, replayed)
                .build();
    }
}
