package com.kakehashi.bank.api;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/banks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner banks")
@RolesAllowed(Roles.OPERATOR)
public class BankResource {
    public record BankDto(
            String id,
            String name,
            String country,
            String currency,
            String bic,
            String timeZone,
            String settlementAccount,

            @Schema(description = "Quartz cron expressions in the bank's time zone", examples = "[\"0 0 18 * * ?\"]")
            List<String> cutoffSchedule,

            @Schema(examples = "[\"PAIN001\", \"CSV\"]") Set<String> fileFormats,
            @Schema(examples = "DIRECTORY") String deliveryChannel,
            String deliveryTarget,
            Instant settlesFrom,
            long version,
            MoneyDto minimumPayout,
            String calendar,
            String zenginRequesterCode,
            String zenginRequesterName) {
        static BankDto of(PartnerBank bank) {
            return new BankDto(
                    bank.id(),
                    bank.name(),
                    bank.country(),
                    bank.currency(),
                    bank.bic(),
                    bank.timeZone().getId(),
                    bank.settlementAccount(),
                    bank.cutoffSchedule(),
                    bank.fileFormats().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()),
                    bank.deliveryChannel().name(),
                    bank.deliveryTarget(),
                    bank.settlesFrom(),
                    bank.version(),
                    MoneyDto.of(Amounts.fromMinor(bank.minimumPayoutMinor(), bank.currency())),
                    bank.calendar(),
                    bank.zenginRequesterCode(),
                    bank.zenginRequesterName());
        }
    }

    public record BankRequest(
            @NotBlank @Size(max = 40) String id,
            @NotBlank @Size(max = 100) String name,
            @NotBlank String country,
            @NotBlank String currency,
            @NotBlank String bic,
            @NotBlank String timeZone,
            @NotBlank @Size(max = 34) String settlementAccount,
            @NotEmpty List<@NotBlank String> cutoffSchedule,
            @NotEmpty Set<@NotBlank String> fileFormats,
            @NotBlank String deliveryChannel,
            @NotBlank @Size(max = 300) String deliveryTarget,
            Instant settlesFrom,
            Long version,

            @Schema(
                    description = "nets under this are carried to the next batch; in the bank's currency",
                    examples = "1000")
            @Size(max = 24)
            String minimumPayout,

            @Schema(description = "business-day calendar (JP, CN); default the bank's country") @Size(max = 10)
            String calendar,

            @Schema(description = "Zengin 委託者コード (10 digits), ZENGIN banks only") @Size(max = 10)
            String zenginRequesterCode,

            @Schema(description = "Zengin 委託者名 in half-width kana, ZENGIN banks only") @Size(max = 40)
            String zenginRequesterName) {

        PartnerBank toDomain(Instant now) {
            long minimum = minimumPayout == null ? 0 : Amounts.toMinor(Amounts.parsePositive(minimumPayout, currency));
            try {
                return new PartnerBank(
                        id,
                        name,
                        country,
                        currency,
                        bic,
                        ZoneId.of(timeZone),
                        settlementAccount,
                        cutoffSchedule,
                        fileFormats.stream()
                                .map(PartnerBank.FileFormat::valueOf)
                                .collect(java.util.stream.Collectors.toSet()),
                        PartnerBank.DeliveryChannel.valueOf(deliveryChannel),
                        deliveryTarget,
                        settlesFrom == null ? now : settlesFrom,
                        version == null ? 0 : version,
                        minimum,
                        calendar,
                        zenginRequesterCode,
                        zenginRequesterName);
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new BusinessException(
                        ErrorCode.INVALID_REQUEST,
                        "timeZone must be an IANA zone, fileFormats PAIN001,"
                                + " CSV or ZENGIN, deliveryChannel DIRECTORY or HTTPS: " + e.getMessage());
            }
        }
    }

    @Inject
    PartnerBanks banks;

    @Inject
    java.time.Clock clock;

    @GET
    @Operation(summary = "List the partner banks (funding and settlement)")
    public List<BankDto> list() {
        return banks.all().stream().map(BankDto::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One partner bank")
    public BankDto one(@PathParam("id") String id) {
        return BankDto.of(banks.byId(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a partner bank")
    public Response create(@NotNull @Valid BankRequest request) {
        return Response.status(201)
                .entity(BankDto.of(banks.register(request.toDomain(clock.instant()))))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a partner bank (send the version you read to guard against concurrent edits)")
    public BankDto update(@PathParam("id") String id, @NotNull @Valid BankRequest request) {
        return BankDto.of(banks.update(id, request.toDomain(clock.instant()), request.version()));
    }
}
