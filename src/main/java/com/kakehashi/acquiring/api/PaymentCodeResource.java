package com.kakehashi.acquiring.api;

import com.kakehashi.acquiring.api.AcquiringDtos.PaymentCodeDto;
import com.kakehashi.acquiring.application.PaymentCodes;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/wallets/{walletId}/payment-codes")
@Tag(name = "Payment codes")
public class PaymentCodeResource {
    @Inject
    Caller caller;

    @Inject
    PaymentCodes codes;

    @POST
    @Produces("application/json")
    @RolesAllowed(Roles.TRAVELLER)
    @Operation(summary = "A one-time code for a till to scan (valid 60 s)")
    public Response issue(@PathParam("walletId") UUID walletId) {
        PaymentCodeDto code = AcquiringDtos.toDto(codes.issue(caller, walletId));
        return Response.status(201)
                .entity(code)
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/{code}")
    @Produces("image/png")
    @RolesAllowed(Roles.TRAVELLER)
    @Operation(summary = "The code as a PNG: format=qr (QR code) or code128 (barcode)")
    public Response image(
            @PathParam("walletId") UUID walletId,
            @PathParam("code") String code,
            @QueryParam("format") @DefaultValue("qr") String format) {
        PaymentCodes.ImageFormat imageFormat = switch (format.toLowerCase(Locale.ROOT)) {
            case "qr" -> PaymentCodes.ImageFormat.QR;
            case "code128" -> PaymentCodes.ImageFormat.CODE128;
            default -> throw new BusinessException(ErrorCode.INVALID_REQUEST, "format must be qr or code128");
        };
        return Response.ok(codes.image(caller, walletId, code, imageFormat), "image/png")
                .header("Cache-Control", "no-store")
                .build();
    }
}
