package com.kakehashi.payment.api;

import com.kakehashi.common.api.BackPressured;
import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.payment.api.PaymentDtos.QuoteRequest;
import com.kakehashi.payment.application.Quotes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/quotes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class QuoteResource {
    @Inject
    Caller caller;

    @Inject
    Quotes quotes;

    @POST
    @io.smallrye.common.annotation.RunOnVirtualThread
    @BackPressured
    @RolesAllowed(Roles.TRAVELLER)
    @Operation(summary = "Scan a merchant QR and get the yen price, locked until expiresAt")
    public Response quote(@NotNull @Valid QuoteRequest request) {
        var quoted = quotes.create(
                caller,
                request.walletId(),
                request.qr(),
                Optional.ofNullable(request.amount()).map(MoneyDto::toPositiveMoney));
        return Response.status(201).entity(PaymentDtos.toDto(quoted)).build();
    }
}
