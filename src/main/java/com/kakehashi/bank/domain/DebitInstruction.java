package com.kakehashi.bank.domain;

import java.util.UUID;
import org.javamoney.moneta.Money;

/** A request to debit a linked Japanese account; the request id makes it idempotent at the bank. */
public record DebitInstruction(
        UUID requestId,
        String bankCode,
        String branchCode,
        String accountType,
        String accountNumber,
        String holderName,
        Money amount) {}
