package com.kakehashi.bank.api;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/banks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner banks")
public class BankResource {
    public record BankDto(String id, String name, String country, String currency, String bic, String timeZone) {
        static BankDto of(PartnerBank bank) {
            return new BankDto(bank.id(), bank.name(), bank.country(), bank.currency(), bank.bic(),
                    bank.timeZone().getId());
        }
    }

    @Inject
    PartnerBanks banks;

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "List the partner banks (funding and settlement)")
    public List<BankDto> list() {
        return banks.all().stream().map(BankDto::of).toList();
    }
}
