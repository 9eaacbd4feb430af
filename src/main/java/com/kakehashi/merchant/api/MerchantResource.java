package com.kakehashi.merchant.api;

import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.merchant.application.Merchants;
import com.kakehashi.merchant.application.PrintedOnQr;
import com.kakehashi.merchant.domain.Merchant;
import com.kakehashi.merchant.domain.MerchantRegistration;
import com.kakehashi.qr.application.MerchantQrCodes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.javamoney.moneta.Money;

@Path("/v1/merchants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Merchants")
public class MerchantResource {
    public static final String PNG = "image/png";

    public record MerchantRequest(
            @NotBlank String name,
            @NotBlank String city,
            @NotBlank String country,
            @NotBlank String currency,
            @NotBlank String mcc,
            @NotBlank String bankId,
            @NotBlank String payoutAccount,

            @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    description = "account holder in half-width kana"
                            + " (Zengin characters, at most 30); required when the bank pays by Zengin transfer",
                    examples = "ﾔﾏﾀﾞｼﾖｳﾃﾝ")
            String payoutAccountHolderKana) {}

    /** An edit: the same fields as a registration, and the version the editor read. */
    public record MerchantUpdate(
            @NotBlank String name,
            @NotBlank String city,
            @NotBlank String country,
            @NotBlank String currency,
            @NotBlank String mcc,
            @NotBlank String bankId,
            @NotBlank String payoutAccount,
            String payoutAccountHolderKana,

            @NotNull @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "the version you read")
            Long version) {}

    public record MerchantDto(
            UUID id,
            String name,
            String city,
            String country,
            String currency,
            String mcc,
            String bankId,
            String payoutAccount,
            String status,
            Instant createdAt,
            String payoutAccountHolderKana,
            long version) {
        public static MerchantDto of(Merchant m) {
            return new MerchantDto(
                    m.id(),
                    m.name(),
                    m.city(),
                    m.country(),
                    m.currency().getCurrencyCode(),
                    m.mcc(),
                    m.bankId(),
                    m.payoutAccount(),
                    m.status().name(),
                    m.createdAt(),
                    m.payoutAccountHolderKana(),
                    m.version());
        }
    }

    public record QrDto(UUID merchantId, String payload, boolean dynamic, MoneyDto amount) {}

    @Inject
    Caller caller;

    @Inject
    Merchants merchants;

    @Inject
    MerchantQrCodes qrCodes;

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Register a merchant (operators)")
    public Response register(@NotNull @Valid MerchantRequest r) {
        Merchant merchant = merchants.register(MerchantRegistration.of(
                r.name(),
                r.city(),
                r.country(),
                r.currency(),
                r.mcc(),
                r.bankId(),
                r.payoutAccount(),
                r.payoutAccountHolderKana()));
        return Response.status(201).entity(MerchantDto.of(merchant)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Change a merchant (operators; send the version you read to guard against concurrent edits)")
    public MerchantDto update(@PathParam("id") UUID id, @NotNull @Valid MerchantUpdate r) {
        return MerchantDto.of(merchants.update(
                id,
                MerchantRegistration.of(
                        r.name(),
                        r.city(),
                        r.country(),
                        r.currency(),
                        r.mcc(),
                        r.bankId(),
                        r.payoutAccount(),
                        r.payoutAccountHolderKana()),
                r.version()));
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "All merchants, oldest first (operators)")
    public java.util.List<MerchantDto> list(
            @QueryParam("page")
                    @jakarta.ws.rs.DefaultValue("0")
                    @jakarta.validation.constraints.Min(0)
                    @jakarta.validation.constraints.Max(100000)
                    int page,
            @QueryParam("size")
                    @jakarta.ws.rs.DefaultValue("50")
                    @jakarta.validation.constraints.Min(1)
                    @jakarta.validation.constraints.Max(200)
                    int size) {
        return merchants.list(page * size, size).stream().map(MerchantDto::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MERCHANT, Roles.OPERATOR})
    public MerchantDto get(@PathParam("id") UUID id) {
        return MerchantDto.of(merchants.visibleTo(caller, id));
    }

    @GET
    @Path("/{id}/qr")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MERCHANT, Roles.OPERATOR})
    @Operation(summary = "The merchant's EMVCo QR payload; with amount it is a dynamic QR")
    public QrDto qr(@PathParam("id") UUID id, @QueryParam("amount") String amount) {
        Merchant merchant = merchants.visibleTo(caller, id);
        Optional<Money> price = Optional.ofNullable(amount)
                .map(a -> Amounts.parsePositive(a, merchant.currency().getCurrencyCode()));
        return new QrDto(
                id,
                qrCodes.payloadFor(PrintedOnQr.of(merchant), price),
                price.isPresent(),
                price.map(MoneyDto::of).orElse(null));
    }

    @GET
    @Path("/{id}/qr")
    @Produces(PNG)
    @RolesAllowed({Roles.MERCHANT, Roles.OPERATOR})
    @Operation(summary = "The merchant's QR as a PNG image")
    public Response qrImage(@PathParam("id") UUID id, @QueryParam("amount") String amount) {
        return Response.ok(qrCodes.image(qr(id, amount).payload()), PNG).build();
    }
}
