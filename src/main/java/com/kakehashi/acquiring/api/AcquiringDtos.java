package com.kakehashi.acquiring.api;

import com.kakehashi.acquiring.application.AcquiringPayments.AcquiredPayment;
import com.kakehashi.acquiring.application.PaymentCodes.IssuedCode;
import com.kakehashi.acquiring.domain.AcquiredMerchant;
import com.kakehashi.acquiring.domain.Acquirer;
import com.kakehashi.acquiring.domain.AcquirerRegistration;
import com.kakehashi.acquiring.domain.CodePattern;
import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.payment.application.Refunds;
import com.kakehashi.payment.domain.Payment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Wire types of acquirers, payment codes and acquiring payments, with their mapping. */
public final class AcquiringDtos {
    private AcquiringDtos() {}

    public record CodePatternDto(
            @NotNull String network,

            @NotNull
            @Schema(
                    description = "Regular expression the whole payload must match",
                    examples = "https://qr\\.alipay\\.com/.+")
            String pattern) {}

    public record AcquirerRequest(
            @NotNull String id,
            @NotNull String name,
            @NotNull String country,
            @NotNull String currency,
            @NotNull String bankId,
            @NotNull String payoutAccount,
            List<@NotNull @Valid CodePatternDto> codePatterns,
            String resolveUrl,
            Long version) {}

    public record AcquirerDto(
            String id,
            String name,
            String country,
            String currency,
            String bankId,
            String payoutAccount,
            List<CodePatternDto> codePatterns,
            String resolveUrl,

            @Schema(description = "The payee settlement pays this acquirer through")
            UUID payeeMerchantId,

            long version) {}

    public record PaymentCodeDto(
            @Schema(description = "18 digits, one use", examples = "812345678901234566")
            String code,

            Instant expiresAt,

            @Schema(description = "What the QR image encodes")
            String qrPayload) {}

    public record MerchantDto(
            @NotNull @Size(min = 1, max = 64) String reference,
            @NotNull @Size(min = 1, max = 100) String name,
            @Pattern(regexp = "\\d{4}") String mcc,
            @Size(max = 60) String city,
            @Pattern(regexp = "[A-Z]{2}") String country) {}

    public record AcquiringPaymentRequest(
            @NotNull @Size(max = 32) String paymentCode,
            @NotNull @Valid MoneyDto amount,
            @NotNull @Valid MerchantDto merchant) {}

    public record AcquiringPaymentDto(
            UUID id,
            String status,
            String acquirerId,
            MerchantDto merchant,
            MoneyDto price,
            MoneyDto charge,
            String rate,
            MoneyDto fee,
            MoneyDto refundedPrice,
            Instant capturedAt,
            Instant cancelledAt) {}

    public record RefundRequest(@NotNull @Valid MoneyDto amount) {}

    public record AcquiringRefundDto(
            UUID id,
            UUID paymentId,
            MoneyDto amount,
            String paymentStatus,
            MoneyDto refundablePrice,
            Instant createdAt) {}

    static AcquirerRegistration toRegistration(AcquirerRequest r, String id) {
        List<CodePattern> patterns = r.codePatterns() == null
                ? List.of()
                : r.codePatterns().stream()
                        .map(p -> new CodePattern(p.network(), p.pattern()))
                        .toList();
        return new AcquirerRegistration(
                id,
                r.name(),
                r.country(),
                r.currency(),
                r.bankId(),
                r.payoutAccount(),
                patterns,
                Optional.ofNullable(r.resolveUrl()));
    }

    static AcquirerDto toDto(Acquirer a) {
        return new AcquirerDto(
                a.id(),
                a.name(),
                a.country(),
                a.currency(),
                a.bankId(),
                a.payoutAccount(),
                a.codePatterns().stream()
                        .map(p -> new CodePatternDto(p.network(), p.regex()))
                        .toList(),
                a.resolveUrl().orElse(null),
                a.payeeMerchantId(),
                a.version());
    }

    static PaymentCodeDto toDto(IssuedCode c) {
        return new PaymentCodeDto(c.code(), c.expiresAt(), c.code());
    }

    static AcquiredMerchant toDomain(MerchantDto m) {
        return new AcquiredMerchant(m.reference(), m.name(), m.mcc(), m.city(), m.country());
    }

    static AcquiringPaymentDto toDto(AcquiredPayment p) {
        Payment pay = p.payment();
        AcquiredMerchant m = p.acquiring().merchant();
        return new AcquiringPaymentDto(
                pay.id(),
                p.status(),
                p.acquiring().acquirerId(),
                new MerchantDto(m.reference(), m.name(), m.mcc(), m.city(), m.country()),
                MoneyDto.of(pay.price()),
                MoneyDto.of(pay.charge()),
                pay.rate().stripTrailingZeros().toPlainString(),
                MoneyDto.of(pay.fee()),
                MoneyDto.of(pay.refundedPrice()),
                pay.capturedAt(),
                p.acquiring().cancelledAt());
    }

    static AcquiringRefundDto toDto(Refunds.Refund r) {
        return new AcquiringRefundDto(
                r.id(),
                r.paymentId(),
                MoneyDto.of(r.price()),
                r.payment().status().name(),
                MoneyDto.of(r.payment().refundablePrice()),
                r.createdAt());
    }
}
