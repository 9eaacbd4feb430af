package com.kakehashi.fx.api;

import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.common.api.QueryParams;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.fx.api.FxDtos.ConversionDto;
import com.kakehashi.fx.api.FxDtos.PendingRateDto;
import com.kakehashi.fx.api.FxDtos.PositionDto;
import com.kakehashi.fx.api.FxDtos.PositionsDto;
import com.kakehashi.fx.api.FxDtos.RateDto;
import com.kakehashi.fx.api.FxDtos.RateRequest;
import com.kakehashi.fx.api.FxDtos.ResolvedRateDto;
import com.kakehashi.fx.application.FxCurrencies;
import com.kakehashi.fx.application.FxImports;
import com.kakehashi.fx.application.FxPositions;
import com.kakehashi.fx.application.FxRates;
import com.kakehashi.fx.application.Pricing;
import com.kakehashi.fx.application.RateSubmissions;
import com.kakehashi.fx.domain.ConversionEngine;
import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.FxRate;
import com.kakehashi.fx.domain.FxRounding;
import com.kakehashi.fx.domain.RateFigures;
import com.kakehashi.fx.domain.ResolvedRate;
import com.kakehashi.fx.domain.Staleness;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.money.CurrencyUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/fx")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "FX")
public class FxResource {
    private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("\\d{1,15}(\\.\\d{1,15})?");
    private static final int MAX_PAGE_SIZE = 500;

    @Inject
    FxRates rates;

    @Inject
    Pricing pricing;

    @Inject
    FxPositions positions;

    @Inject
    FxImports imports;

    @Inject
    RateSubmissions submissions;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @POST
    @Path("/rates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            summary = "Publish a rate (1 base = mid quote); outside the plausibility band it is held for a second"
                    + " operator (202 with the held item); history is kept, a re-publication is recognised")
    public Response publish(@NotNull @Valid RateRequest request) {
        Instant now = clock.instant();
        Instant validFrom = request.validFrom() == null ? now : request.validFrom();
        FxRate rate;
        try {
            rate = new FxRate(
                    pair(request.base(), request.quote()),
                    RateFigures.parse("mid", request.mid()),
                    RateFigures.parseOptional("bid", request.bid()),
                    RateFigures.parseOptional("ask", request.ask()),
                    request.source(),
                    validFrom,
                    now);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.INVALID_RATE, e.getMessage());
        }
        return switch (submissions.submit(rate, caller.subject())) {
            case RateSubmissions.Published published ->
                Response.status(published.created() ? 201 : 200)
                        .entity(RateDto.of(published.rate()))
                        .build();
            case RateSubmissions.Held held ->
                Response.status(202).entity(PendingRateDto.of(held.pending())).build();
        };
    }

    @GET
    @Path("/rates")
    @Authenticated
    @Operation(summary = "The rate in force at a time (default now): direct, inverse, or cross through a pivot")
    public ResolvedRateDto rate(
            @QueryParam("base") String base, @QueryParam("quote") String quote, @QueryParam("at") String at) {
        Instant when = QueryParams.instant("at", at, clock.instant());
        CurrencyPair pair = pair(base, quote);
        ResolvedRate resolved = rates.resolve(pair, when);
        return ResolvedRateDto.of(
                resolved,
                when,
                Staleness.isStale(resolved, clock.instant(), pricing.maxAge(pair)),
                pricing.maxAge(pair));
    }

    @GET
    @Path("/rates/history")
    @Authenticated
    @Operation(summary = "Stored rates of exactly this pair published in [from, to), newest first")
    public List<RateDto> history(
            @QueryParam("base") String base,
            @QueryParam("quote") String quote,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("100") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "page >= 0 and 1 <= size <= " + MAX_PAGE_SIZE);
        }
        return rates
                .history(
                        pair(base, quote),
                        QueryParams.instant("from", from, Instant.EPOCH),
                        QueryParams.instant("to", to, clock.instant().plusSeconds(1)),
                        page,
                        size)
                .stream()
                .map(RateDto::of)
                .toList();
    }

    @GET
    @Path("/convert")
    @Authenticated
    @Operation(
            summary = "Indicative conversion at mid, no spread, no lock; rounded half-even to the target's minor unit")
    public ConversionDto convert(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("amount") String amount,
            @QueryParam("at") String at) {
        CurrencyUnit source = FxCurrencies.known(from);
        CurrencyUnit target = FxCurrencies.known(to);
        if (amount == null || !AMOUNT.matcher(amount).matches() || new BigDecimal(amount).signum() <= 0) {
            throw new BusinessException(
                    ErrorCode.INVALID_AMOUNT, "amount must be a positive decimal string, got '" + amount + "'");
        }
        var money = Amounts.exact(new BigDecimal(amount), source);
        Instant when = QueryParams.instant("at", at, clock.instant());
        ConversionEngine.Conversion conversion = rates.convert(money, target, when);
        return new ConversionDto(
                MoneyDto.of(conversion.amount()),
                MoneyDto.of(money),
                FxDtos.plain(conversion.rate().mid()),
                FxDtos.path(conversion.rate()),
                conversion.rate().source(),
                conversion.rate().validFrom(),
                FxRounding.INDICATIVE_ROUNDING.name());
    }

    @POST
    @Path("/rate-files")
    @Consumes({"application/xml", "text/xml", "text/csv", "text/plain"})
    @RolesAllowed({Roles.OPERATOR, Roles.BANK})
    @Operation(
            summary = "Import a rate file: format=ecb (eurofxref XML) or bank-csv (see docs/fx.md); all or nothing;"
                    + " 202 when some rates are held for a second operator")
    public Response importFile(@QueryParam("format") String format, @QueryParam("bankId") String bankId, byte[] body) {
        FxImports.Format parsed = switch (format == null ? "" : format) {
            case "ecb" -> FxImports.Format.ECB;
            case "bank-csv" -> FxImports.Format.BANK_CSV;
            default -> throw new BusinessException(ErrorCode.INVALID_REQUEST, "format must be ecb or bank-csv");
        };
        String source = bankId;
        if (caller.is(Roles.BANK) && !caller.isOperator()) {
            if (parsed != FxImports.Format.BANK_CSV || (bankId != null && !bankId.equals(caller.subject()))) {
                throw new BusinessException(ErrorCode.FX_SOURCE_NOT_ALLOWED, "A bank may upload its own rate CSV only");
            }
            source = caller.subject();
        }
        if (parsed == FxImports.Format.BANK_CSV && (source == null || source.isBlank())) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "bankId is required for bank-csv");
        }
        FxImports.Report report =
                imports.importFile(parsed, body == null ? new byte[0] : body, source, caller.subject());
        RateSubmissions.ImportResult result = report.result();
        FxDtos.ImportResultDto answer = new FxDtos.ImportResultDto(
                format,
                report.source(),
                result.received(),
                result.stored(),
                result.alreadyKnown(),
                result.held().size(),
                result.held().stream().map(PendingRateDto::of).toList());
        return Response.status(result.held().isEmpty() ? 200 : 202)
                .entity(answer)
                .build();
    }

    @GET
    @Path("/positions")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "The operator's open FX position per currency: positive held, negative owed")
    public PositionsDto positions() {
        return new PositionsDto(
                positions.open().stream()
                        .map(p -> new PositionDto(
                                p.balance().getCurrency().getCurrencyCode(), MoneyDto.of(p.balance()), p.postings()))
                        .toList(),
                clock.instant());
    }

    static CurrencyPair pair(String base, String quote) {
        CurrencyUnit b = FxCurrencies.known(base);
        CurrencyUnit q = FxCurrencies.known(quote);
        return new CurrencyPair(b.getCurrencyCode(), q.getCurrencyCode());
    }
}
