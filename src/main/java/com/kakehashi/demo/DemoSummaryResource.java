package com.kakehashi.demo;

import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.merchant.application.Merchants;
import com.kakehashi.qr.application.MerchantQrCodes;
import com.kakehashi.wallet.application.Wallets;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the demo seeded: merchant ids and QR payloads, wallet ids. Demo profile only. */
@IfBuildProfile("demo")
@Path("/v1/demo")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Demo (demo profile only)")
public class DemoSummaryResource {
    public record MerchantEntry(UUID id, String name, String city, String currency, String staticQr) {}

    public record WalletEntry(String owner, UUID id, MoneyDto balance) {}

    public record ChinaCodeEntry(String network, String payload, String merchantName) {}

    /** {@code state}: SEEDING until the demo data is complete, then READY (or FAILED, see the log). */
    public record Summary(
            DemoData.State state,
            List<MerchantEntry> merchants,
            List<WalletEntry> wallets,
            List<ChinaCodeEntry> chinaCodes) {}

    @Inject
    DemoData demoData;

    @Inject
    Merchants merchants;

    @Inject
    Wallets wallets;

    @Inject
    MerchantQrCodes qrCodes;

    @GET
    @Operation(summary = "The seeded merchants (with their static QR payloads) and wallets")
    public Summary summary() {
        DemoProfile.requireActive();
        List<MerchantEntry> merchantEntries = merchants.list(0, 50).stream()
                .map(m -> new MerchantEntry(
                        m.id(),
                        m.name(),
                        m.city(),
                        m.currency().getCurrencyCode(),
                        qrCodes.payloadFor(com.kakehashi.merchant.application.PrintedOnQr.of(m), Optional.empty())))
                .toList();
        List<WalletEntry> walletEntries = DemoData.TRAVELLERS.stream()
                .flatMap(t -> wallets.ownedBy(new Caller(t.subject(), Set.of(Roles.TRAVELLER))).stream())
                .map(w -> new WalletEntry(w.owner(), w.id(), MoneyDto.of(w.balance())))
                .toList();
        // Resolvable by the demo's cn-sandbox-acquirer (docs/acquiring.md).
        List<ChinaCodeEntry> chinaCodes = com.kakehashi.acquiring.sandbox.SandboxCodes.demoCodes().stream()
                .map(c -> new ChinaCodeEntry(c.network(), c.payload(), c.merchantName()))
                .toList();
        return new Summary(demoData.state(), merchantEntries, walletEntries, chinaCodes);
    }
}
