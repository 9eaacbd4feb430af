package com.kakehashi.payment.api;

import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.payment.api.PaymentDtos.PaymentPage;
import com.kakehashi.payment.application.Payments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/merchants/{merchantId}/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Merchants")
public class MerchantPaymentsResource {
    @Inject
    Caller caller;

    @Inject
    Payments payments;

    @GET
    @RolesAllowed({Roles.MERCHANT, Roles.OPERATOR})
    public PaymentPage list(
            @PathParam("merchantId") UUID merchantId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return PaymentDtos.toDto(payments.forMerchant(caller, merchantId, page, size));
    }
}
