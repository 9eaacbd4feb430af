package com.kakehashi.common.api;

import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.money.MinorAmount;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.javamoney.moneta.Money;

/** An amount on the wire: an exact decimal string and an ISO 4217 code, never a JSON number. */
@Schema(name = "Money", description = "An exact amount: decimal string plus ISO 4217 currency")
public record MoneyDto(
        @NotNull @Schema(examples = "1280", description = "Exact decimal string, no exponent")
        String amount,

        @NotNull @Schema(examples = "JPY") String currency) {

    public static MoneyDto of(Money money) {
        return new MoneyDto(Amounts.format(money), money.getCurrency().getCurrencyCode());
    }

    /** An amount held in minor units; null stays null (an amount a row does not have). */
    public static MoneyDto of(MinorAmount amount) {
        return amount == null ? null : of(Amounts.fromMinor(amount.amount(), amount.currency()));
    }

    /** Validates and converts: positive, supported currency, no more decimals than allowed. */
    public Money toPositiveMoney() {
        return Amounts.parsePositive(amount, currency);
    }
}
