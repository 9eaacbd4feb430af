package com.kakehashi.payment.api;

import com.kakehashi.common.api.IdempotentResponder;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.payment.api.PaymentDtos.PaymentDto;
import com.kakehashi.payment.api.PaymentDtos.PaymentRequest;
import com.kakehashi.payment.api.PaymentDtos.RefundRequest;
import com.kakehashi.payment.application.Payments;
import com.kakehashi.payment.application.Refunds;
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
    @Inject
    IdempotentResponder idempotent;

    @POST
    @RolesAllowed(Roles.TRAVELLER)
    @Operation(summary = "Confirm a quote: charge the wallet, make the merchant owed (idempotent)")
    public Response pay(@HeaderParam(IdempotentResponder.HEADER) String key, @NotNull @Valid PaymentRequest request) {
        return idempotent.respond(caller, "payment", key, request, 201,
                () -> PaymentDtos.toDto(payments.capture(caller, request.quoteId())));
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
    public Response refund(@PathParam("id") UUID id, @HeaderParam(IdempotentResponder.HEADER) String key,
            @NotNull @Valid RefundRequest request) {
        return idempotent.respond(caller, "refund:" + id, key, request, 201,
                () -> PaymentDtos.toDto(refunds.refund(caller, id, request.amount().toPositiveMoney())));
    }
}
