package com.kakehashi.settlement.api;

import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.settlement.domain.PayoutReturn;
import com.kakehashi.settlement.domain.SettlementBatch;
import com.kakehashi.settlement.domain.SettlementItem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Wire types of settlement. */
public final class SettlementDtos {
    private SettlementDtos() {}

    public record RunRequest(
            @NotBlank @Schema(examples = "cn-settlement-bank")
            String bankId,

            @NotNull @Schema(examples = "2026-11-25T04:00:00Z")
            Instant cutoff) {}

    public record Progress(int done, int total) {}

    public record FxCover(
            @Schema(description = "Yen sold") MoneyDto sold,
            @Schema(description = "Currency bought") MoneyDto bought) {}

    public record Totals(MoneyDto payout, MoneyDto fees, FxCover fxCover) {}

    public record ItemDto(
            UUID merchantId,
            String merchantName,
            String endToEndId,
            String outcome,
            int payments,
            int refunds,
            MoneyDto gross,
            MoneyDto refunded,
            MoneyDto fee,
            MoneyDto net,

            @Schema(
                    description =
                            "a paid item: INSTRUCTED, or RETURNED when the merchant's bank sent it back; null when"
                                    + " carried forward")
            String payoutStatus,

            @Schema(description = "ISO 20022 return reason, e.g. AC04, when RETURNED")
            String returnReason,

            Instant returnedAt) {
        static ItemDto of(SettlementItem item, PayoutReturn returned) {
            var n = item.netting();
            boolean paid = n.isPaid();
            return new ItemDto(
                    item.merchantId(),
                    item.merchantName(),
                    item.endToEndId(),
                    n.outcome().name(),
                    item.payments(),
                    item.refunds(),
                    MoneyDto.of(n.grossAmount()),
                    MoneyDto.of(n.refundedAmount()),
                    MoneyDto.of(n.feeAmount()),
                    MoneyDto.of(n.netAmount()),
                    !paid ? null : returned != null ? "RETURNED" : "INSTRUCTED",
                    returned == null ? null : returned.reasonCode(),
                    returned == null ? null : returned.returnedAt());
        }
    }

    public record BatchDto(
            UUID id,
            String bankId,
            Instant cutoff,
            String state,
            String failureReason,
            Progress progress,
            Totals totals,
            List<ItemDto> items,
            Instant createdAt,
            Instant updatedAt,

            @Schema(description = "requested execution date: the bank's business day on or after the cut-off's date")
            java.time.LocalDate executionDate) {
        static BatchDto of(SettlementBatch b, List<SettlementItem> items) {
            return of(b, items, Map.of());
        }

        /** With its items, each with its payout state ({@code returns}: the returned payouts by end-to-end id). */
        static BatchDto of(SettlementBatch b, List<SettlementItem> items, Map<String, PayoutReturn> returns) {
            Totals totals = b.payout() == null
                    ? null
                    : new Totals(
                            MoneyDto.of(b.payout()),
                            MoneyDto.of(b.fee()),
                            b.fxSold() == null
                                    ? null
                                    : new FxCover(MoneyDto.of(b.fxSold()), MoneyDto.of(b.fxBought())));
            return new BatchDto(
                    b.id(),
                    b.bankId(),
                    b.cutoff(),
                    b.state().name(),
                    b.failureReason(),
                    new Progress(b.itemsDone(), b.itemsTotal() == null ? 0 : b.itemsTotal()),
                    totals,
                    items == null
                            ? null
                            : items.stream()
                                    .map(i ->
                                            ItemDto.of(i, i.endToEndId() == null ? null : returns.get(i.endToEndId())))
                                    .toList(),
                    b.createdAt(),
                    b.updatedAt(),
                    b.executionDate());
        }
    }

    public record AcknowledgementRequest(
            @NotBlank @Schema(examples = "ACCEPTED", description = "ACCEPTED or REJECTED")
            String status,

            String reason) {}
}
