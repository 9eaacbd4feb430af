package com.kakehashi.fx.api;

import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.fx.domain.FxRate;
import com.kakehashi.fx.domain.PendingRate;
import com.kakehashi.fx.domain.ResolvedRate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Wire types of the FX engine. Rates are exact decimal strings; a rate reads "1 base = mid quote". */
public final class FxDtos {
    private FxDtos() {}

    @Schema(description = "A rate to publish: 1 base = mid quote")
    public record RateRequest(
            @NotNull @Schema(examples = "CNY") String base,
            @NotNull @Schema(examples = "JPY") String quote,
            @NotNull @Schema(examples = "21.15") String mid,
            @Schema(examples = "21.10") String bid,
            @Schema(examples = "21.20") String ask,

            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9:._-]+") @Schema(examples = "treasury-desk")
            String source,

            @Schema(description = "Default: now") Instant validFrom) {}

    public record RateDto(
            String base,
            String quote,
            String mid,
            String bid,
            String ask,
            String source,
            Instant validFrom,
            Instant receivedAt) {
        static RateDto of(FxRate rate) {
            return new RateDto(
                    rate.pair().base(),
                    rate.pair().quote(),
                    plain(rate.mid()),
                    plain(rate.bid()),
                    plain(rate.ask()),
                    rate.source(),
                    rate.validFrom(),
                    rate.receivedAt());
        }
    }

    public record PathDto(
            @Schema(examples = "CROSS") String kind,
            @Schema(examples = "EUR") String via,
            List<RateDto> legs) {}

    public record ResolvedRateDto(
            String base,
            String quote,
            String mid,
            String source,
            Instant validFrom,
            Instant at,
            PathDto path,
            boolean stale,
            Duration maxAge) {
        static ResolvedRateDto of(ResolvedRate rate, Instant at, boolean stale, Duration maxAge) {
            return new ResolvedRateDto(
                    rate.pair().base(),
                    rate.pair().quote(),
                    plain(rate.mid()),
                    rate.source(),
                    rate.validFrom(),
                    at,
                    FxDtos.path(rate),
                    stale,
                    maxAge);
        }
    }

    public record ConversionDto(
            MoneyDto amount,
            MoneyDto from,
            String rate,
            PathDto path,
            String rateSource,
            Instant validFrom,
            @Schema(examples = "HALF_EVEN") String rounding) {}

    public record PositionDto(String currency, MoneyDto amount, long postings) {}

    public record PositionsDto(List<PositionDto> positions, Instant at) {}

    @Schema(
            description =
                    "A file's outcome; pending lists the rates held for a second operator (then the answer is 202)")
    public record ImportResultDto(
            String format,
            String source,
            int received,
            int stored,
            int alreadyKnown,
            int held,
            List<PendingRateDto> pending) {}

    @Schema(description = "A rate held outside the plausibility band until a second operator approves or rejects it")
    public record PendingRateDto(
            UUID id,
            String base,
            String quote,
            @Schema(examples = "0.0001") String rate,
            String bid,
            String ask,
            @Schema(examples = "bank:cn-settlement-bank") String source,
            String submittedBy,
            Instant submittedAt,
            Instant validFrom,

            @Schema(description = "The rate in force it was compared with when held", examples = "21.2469")
            String rateInForce,

            @Schema(
                    description = "(rate − rateInForce) / rateInForce in basis points, rounded away from zero",
                    examples = "-9999")
            long deviationBps,

            @Schema(examples = "500") int bandBps,
            @Schema(examples = "PENDING_APPROVAL") String status,
            String decidedBy,
            Instant decidedAt,
            String reason) {
        static PendingRateDto of(PendingRate pending) {
            FxRate rate = pending.rate();
            return new PendingRateDto(
                    pending.id(),
                    rate.pair().base(),
                    rate.pair().quote(),
                    plain(rate.mid()),
                    plain(rate.bid()),
                    plain(rate.ask()),
                    rate.source(),
                    pending.submittedBy(),
                    rate.receivedAt(),
                    rate.validFrom(),
                    plain(pending.rateInForce()),
                    pending.deviationBps(),
                    pending.bandBps(),
                    pending.status().name(),
                    pending.decidedBy(),
                    pending.decidedAt(),
                    pending.reason());
        }
    }

    public record RejectionRequest(
            @NotBlank @Size(max = 500) @Schema(examples = "fat finger: 0.0001 for 21.2469")
            String reason) {}

    public record AuditEventDto(String status, String actor, Instant at, String reason) {}

    static PathDto path(ResolvedRate rate) {
        return new PathDto(
                rate.path().kind().name(),
                rate.path().via(),
                rate.path().legs().stream().map(RateDto::of).toList());
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
