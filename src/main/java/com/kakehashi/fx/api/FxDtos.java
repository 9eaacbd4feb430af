package com.kakehashi.fx.api;

import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.fx.domain.FxRate;
import com.kakehashi.fx.domain.ResolvedRate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Wire types of the FX engine. Rates are exact decimal strings; a rate reads "1 base = mid quote". */
public final class FxDtos {
    private FxDtos() {
    }

    @Schema(description = "A rate to publish: 1 base = mid quote")
    public record RateRequest(
            @NotNull @Schema(examples = "CNY") String base,
            @NotNull @Schema(examples = "JPY") String quote,
            @NotNull @Schema(examples = "21.15") String mid,
            @Schema(examples = "21.10") String bid,
            @Schema(examples = "21.20") String ask,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9:._-]+") @Schema(examples = "treasury-desk") String source,
            @Schema(description = "Default: now") Instant validFrom) {
    }

    public record RateDto(String base, String quote, String mid, String bid, String ask, String source,
            Instant validFrom, Instant receivedAt) {
        static RateDto of(FxRate rate) {
            return new RateDto(rate.pair().base(), rate.pair().quote(), plain(rate.mid()), plain(rate.bid()),
                    plain(rate.ask()), rate.source(), rate.validFrom(), rate.receivedAt());
        }
    }

    public record PathDto(@Schema(examples = "CROSS") String kind, @Schema(examples = "EUR") String via,
            List<RateDto> legs) {
    }

    public record ResolvedRateDto(String base, String quote, String mid, String source, Instant validFrom, Instant at,
            PathDto path, boolean stale, Duration maxAge) {
        static ResolvedRateDto of(ResolvedRate rate, Instant at, boolean stale, Duration maxAge) {
            return new ResolvedRateDto(rate.pair().base(), rate.pair().quote(), plain(rate.mid()), rate.source(),
                    rate.validFrom(), at, FxDtos.path(rate), stale, maxAge);
        }
    }

    public record ConversionDto(MoneyDto amount, MoneyDto from, String rate, PathDto path, String rateSource,
            Instant validFrom, @Schema(examples = "HALF_EVEN") String rounding) {
    }

    public record PositionDto(String currency, MoneyDto amount, long postings) {
    }

    public record PositionsDto(List<PositionDto> positions, Instant at) {
    }

    public record ImportResultDto(String format, String source, int received, int stored, int alreadyKnown) {
    }

    static PathDto path(ResolvedRate rate) {
        return new PathDto(rate.path().kind().name(), rate.path().via(),
                rate.path().legs().stream().map(RateDto::of).toList());
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
