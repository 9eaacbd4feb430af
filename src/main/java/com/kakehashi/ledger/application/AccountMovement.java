package com.kakehashi.ledger.application;

import com.kakehashi.ledger.domain.JournalType;
import java.time.Instant;
import java.util.UUID;
import org.javamoney.moneta.Money;

/** One movement on an account: credit positive, debit negative. */
public record AccountMovement(UUID journalId, JournalType type, String reference, Money amount, Instant at) {}
