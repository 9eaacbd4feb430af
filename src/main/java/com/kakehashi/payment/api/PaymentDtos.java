package com.kakehashi.payment.api;

import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.payment.application.Payments;
import com.kakehashi.payment.application.Quotes.QuotedPayment;
import com.kakehashi.payment.application.Refunds;
import com.kakehashi.payment.domain.Payment;
import com.kakehashi.payment.domain.QuoteSeal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Wire types of quotes, payments and refunds, with their mapping. */
public final class PaymentDtos {
    private PaymentDtos() {}

    public record QuoteRequest(
            @NotNull UUID walletId,
            @NotNull @Size(max = 512) String qr,
            @Valid MoneyDto amount) {}

    public record MerchantSummary(UUID id, String name, String city, String country) {}

    @Schema(description = "A priced offer: pay `charge` from the wallet so the merchant receives `price`")
    public record QuoteDto(
            UUID id,

            @Schema(
                    description = "The signed quote: send it back as `quoteToken` to pay. Opaque, URL-safe, valid"
                            + " until expiresAt, pays once")
            String token,

            UUID walletId,
            MerchantSummary merchant,
            MoneyDto price,
            MoneyDto charge,

            @Schema(
                    description = "Customer rate applied: charge currency per unit of price currency, spread included",
                    examples = "21.2556")
            String rate,

            @Schema(description = "Market mid rate before the spread", examples = "21.15")
            String midRate,

            @Schema(description = "Spread over the mid rate in basis points", examples = "50")
            int spreadBps,

            @Schema(description = "Fixed fee included in the charge")
            MoneyDto fee,

            @Schema(description = "Where the rate came from", examples = "ECB")
            String rateSource,

            @Schema(description = "When the rate was published (its oldest leg for a cross rate)")
            Instant rateTime,

            @Schema(description = "DIRECT, INVERSE, CROSS via <pivot>, or IDENTITY", examples = "CROSS via EUR")
            String ratePath,

            Instant expiresAt) {}

    @Schema(description = "Pays a quote: the `token` of its answer, as it was given")
    public record PaymentRequest(
            @NotNull @Size(max = QuoteSeal.MAX_TOKEN_LENGTH) String quoteToken) {}

    public record PaymentDto(
            UUID id,
            String status,
            MoneyDto price,
            MoneyDto charge,
            String rate,
            UUID walletId,
            UUID merchantId,
            UUID quoteId,
            MoneyDto refundedPrice,
            MoneyDto refundedCharge,
            Instant capturedAt) {}

    public record RefundRequest(@NotNull @Valid MoneyDto amount) {}

    public record RefundDto(
            UUID id,
            UUID paymentId,
            MoneyDto amount,
            @Schema(description = "Returned to the wallet") MoneyDto charge,

            @Schema(description = "Rate the refund converted at")
            String rate,

            @Schema(description = "ORIGINAL_RATE or MARKET_RATE")
            String ratePolicy,

            @Schema(description = "Yen booked to FX gain (positive) or loss (negative)")
            MoneyDto fxDifference,

            String paymentStatus,
            MoneyDto refundablePrice,
            Instant createdAt) {}

    public record PaymentPage(List<PaymentDto> items, int page, int size, long total) {}

    static QuoteDto toDto(QuotedPayment q) {
        var quote = q.quote();
        var m = q.merchant();
        return new QuoteDto(
                quote.id(),
                q.token(),
                quote.walletId(),
                new MerchantSummary(m.id(), m.name(), m.city(), m.country()),
                MoneyDto.of(quote.pricing().price()),
                MoneyDto.of(quote.pricing().charge()),
                plain(quote.pricing().customerRate()),
                plain(quote.pricing().midRate()),
                quote.pricing().spreadBps(),
                MoneyDto.of(quote.pricing().fee()),
                quote.pricing().rateSource(),
                quote.pricing().rateTime(),
                quote.pricing().ratePath(),
                quote.expiresAt());
    }

    static PaymentDto toDto(Payment p) {
        return new PaymentDto(
                p.id(),
                p.status().name(),
                MoneyDto.of(p.price()),
                MoneyDto.of(p.charge()),
                plain(p.rate()),
                p.walletId(),
                p.merchantId(),
                p.quoteId(),
                MoneyDto.of(p.refundedPrice()),
                MoneyDto.of(p.refundedCharge()),
                p.capturedAt());
    }

    static RefundDto toDto(Refunds.Refund r) {
        return new RefundDto(
                r.id(),
                r.paymentId(),
                MoneyDto.of(r.price()),
                MoneyDto.of(r.charge()),
                plain(r.rate()),
                r.ratePolicy().name(),
                MoneyDto.of(r.fxDifference()),
                r.payment().status().name(),
                MoneyDto.of(r.payment().refundablePrice()),
                r.createdAt());
    }

    static PaymentPage toDto(Payments.Page page) {
        return new PaymentPage(
                page.items().stream().map(PaymentDtos::toDto).toList(), page.page(), page.size(), page.total());
    }

    /** Rates as exact strings without trailing zeros or exponent: "1", "21.2500" -> "21.25". */
    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
