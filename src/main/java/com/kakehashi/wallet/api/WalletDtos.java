package com.kakehashi.wallet.api;

import com.kakehashi.common.api.MoneyDto;
import com.kakehashi.ledger.application.AccountMovement;
import com.kakehashi.wallet.application.BankLink;
import com.kakehashi.wallet.application.TopUp;
import com.kakehashi.wallet.application.Wallets;
import com.kakehashi.wallet.domain.Wallet;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The wallet API's wire types and their mapping from application views. */
public final class WalletDtos {
    private WalletDtos() {}

    public record LimitsDto(MoneyDto maxBalance, MoneyDto perPayment, MoneyDto dailySpend) {}

    public record WalletDto(
            UUID id,
            String owner,
            String currency,
            String status,
            MoneyDto balance,
            LimitsDto limits,
            MoneyDto spentToday,
            Instant createdAt) {}

    public record BankLinkRequest(
            @NotBlank String bankCode,
            @NotBlank String branchCode,
            @NotBlank String accountType,
            @NotBlank String accountNumber,
            @NotBlank String holderName) {}

    public record BankLinkDto(
            UUID id,
            UUID walletId,
            String fundingBankId,
            String bankCode,
            String branchCode,
            String accountType,
            String accountNumber,
            String holderName,
            Instant createdAt) {}

    public record TopUpRequest(@NotNull @Valid MoneyDto amount) {}

    public record TopUpDto(
            UUID id,
            UUID walletId,
            MoneyDto amount,
            String status,
            String failureReason,
            Instant createdAt,
            Instant updatedAt) {}

    public record MovementDto(UUID journalId, String type, String reference, MoneyDto amount, Instant at) {}

    public record MovementPage(List<MovementDto> items, int page, int size, long total) {}

    static WalletDto toDto(Wallet w, LocalDate today) {
        return new WalletDto(
                w.id(),
                w.owner(),
                w.currency().getCurrencyCode(),
                w.status().name(),
                MoneyDto.of(w.balance()),
                new LimitsDto(
                        MoneyDto.of(w.limits().maxBalance()),
                        MoneyDto.of(w.limits().perPayment()),
                        MoneyDto.of(w.limits().dailySpend())),
                MoneyDto.of(w.spentOn(today)),
                w.createdAt());
    }

    static BankLinkDto toDto(BankLink l) {
        return new BankLinkDto(
                l.id(),
                l.walletId(),
                l.fundingBankId(),
                l.bankCode(),
                l.branchCode(),
                l.accountType(),
                l.maskedAccountNumber(),
                l.holderName(),
                l.createdAt());
    }

    static TopUpDto toDto(TopUp t) {
        return new TopUpDto(
                t.id(),
                t.walletId(),
                MoneyDto.of(t.amount()),
                t.status().name(),
                t.failureReason(),
                t.createdAt(),
                t.updatedAt());
    }

    static MovementPage toDto(Wallets.Page<AccountMovement> page) {
        return new MovementPage(
                page.items().stream()
                        .map(m -> new MovementDto(
                                m.journalId(), m.type().name(), m.reference(), MoneyDto.of(m.amount()), m.at()))
                        .toList(),
                page.page(),
                page.size(),
                page.total());
    }
}
