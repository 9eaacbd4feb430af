package com.kakehashi.ledger.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A balanced double-entry journal. The constructor refuses one that does not sum to zero in
 * every currency; the ledger checks the same again when it reads one back, and PostgreSQL
 * checks it a third time at commit.
 */
public record JournalEntry(UUID id, JournalType type, String reference, Instant createdAt, List<Posting> postings) {
    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(createdAt, "createdAt");
        postings = List.copyOf(postings);
        if (postings.size() < 2) {
            throw new UnbalancedJournalException("A journal needs at least two postings, got " + postings.size());
        }
        Map<String, BigDecimal> imbalance = imbalancePerCurrency(postings);
        if (!imbalance.isEmpty()) {
            throw new UnbalancedJournalException(
                    "Journal " + id + " (" + type + " " + reference + ") does not balance: " + imbalance);
        }
    }

    /** Currencies whose postings do not sum to zero, with the residue; empty when balanced. */
    public static Map<String, BigDecimal> imbalancePerCurrency(List<Posting> postings) {
        return postings.stream()
                .collect(Collectors.groupingBy(
                        p -> p.amount().getCurrency().getCurrencyCode(),
                        Collectors.reducing(BigDecimal.ZERO, p -> p.amount().getNumberStripped(), BigDecimal::add)))
                .entrySet()
                .stream()
                .filter(e -> e.getValue().signum() != 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
