package com.kakehashi.wallet.api;

import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.idempotency.application.Idempotency;
import com.kakehashi.wallet.api.WalletDtos.BankLinkDto;
import com.kakehashi.wallet.api.WalletDtos.BankLinkRequest;
import com.kakehashi.wallet.api.WalletDtos.MovementPage;
import com.kakehashi.wallet.api.WalletDtos.TopUpDto;
import com.kakehashi.wallet.api.WalletDtos.TopUpRequest;
import com.kakehashi.wallet.api.WalletDtos.WalletDto;
import com.kakehashi.wallet.application.TopUps;
import com.kakehashi.wallet.application.WalletCharges;
import com.kakehashi.wallet.application.Wallets;
import com.kakehashi.wallet.domain.JapaneseBankAccount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/wallets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Wallets")
public class WalletResource {
    @Inject
    Caller caller;

    @Inject
    Wallets wallets;

    @Inject
    TopUps topUps;

    @Inject
    WalletCharges charges;

    @Inject
    Clock clock;

    @POST
    @RolesAllowed(Roles.TRAVELLER)
    @Operation(summary = "Open a yen wallet owned by the token's subject")
    public Response open() {
        WalletDto wallet = WalletDtos.toDto(wallets.open(caller), charges.businessDay(clock.instant()));
        return Response.status(201).entity(wallet).build();
    }

    @GET
    @RolesAllowed(Roles.TRAVELLER)
    @Operation(summary = "The caller's own wallets")
    public java.util.List<WalletDto> mine() {
        var today = charges.businessDay(clock.instant());
        return wallets.ownedBy(caller).stream()
                .map(w -> WalletDtos.toDto(w, today))
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TRAVELLER, Roles.OPERATOR})
    @Operation(summary = "A wallet: balance, limits, today's spend")
    public WalletDto get(@PathParam("id") UUID id) {
        return WalletDtos.toDto(wallets.visibleTo(caller, id), charges.businessDay(clock.instant()));
    }

    @POST
    @Path("/{id}/bank-links")
    @RolesAllowed(Roles.TRAVELLER)
    @Operation(summary = "Link a Japanese (Zengin) bank account for top-ups")
    public Response linkBankAccount(@PathParam("id") UUID id, @NotNull @Valid BankLinkRequest request) {
        JapaneseBankAccount account = new JapaneseBankAccount(
                request.bankCode(),
                request.branchCode(),
                JapaneseBankAccount.accountType(request.accountType()),
                request.accountNumber(),
                request.holderName());
        BankLinkDto link = WalletDtos.toDto(wallets.linkBankAccount(caller, id, account));
        return Response.status(201).entity(link).build();
    }

    @POST
    @Path("/{id}/top-ups")
    @RolesAllowed(Roles.TRAVELLER)
    @Operation(summary = "Top up from the linked account; PENDING until the bank answers definitely")
    public Response topUp(
            @PathParam("id") UUID id,
            @HeaderParam(Idempotency.KEY_HEADER) String key,
            @NotNull @Valid TopUpRequest request) {
        TopUpDto topUp = WalletDtos.toDto(
                topUps.request(caller, id, key, request.amount().toPositiveMoney()));
        return Response.status(201).entity(topUp).build();
    }

    @GET
    @Path("/{id}/top-ups/{topUpId}")
    @RolesAllowed({Roles.TRAVELLER, Roles.OPERATOR})
    public TopUpDto topUp(@PathParam("id") UUID id, @PathParam("topUpId") UUID topUpId) {
        return WalletDtos.toDto(topUps.visibleTo(caller, id, topUpId));
    }

    @GET
    @Path("/{id}/transactions")
    @RolesAllowed({Roles.TRAVELLER, Roles.OPERATOR})
    @Operation(summary = "The wallet's ledger movements, newest first")
    public MovementPage transactions(
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return WalletDtos.toDto(wallets.transactions(caller, id, page, size));
    }
}
