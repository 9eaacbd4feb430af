package com.kakehashi.acquiring.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A merchant acquirer: it signs merchants itself, presents payments for them, and is paid one net amount per
 * settlement batch through {@code payeeMerchantId}, the merchant-like payee row settlement already knows.
 */
public record Acquirer(
        String id,
        String name,
        String country,
        String currency,
        String bankId,
        String payoutAccount,
        List<CodePattern> codePatterns,
        Optional<String> resolveUrl,
        UUID payeeMerchantId,
        long version) {

    public Acquirer {
        codePatterns = List.copyOf(codePatterns);
    }

    /** The network of the first pattern that recognises the payload, if any. */
    public Optional<String> recognise(String payload) {
        return codePatterns.stream()
                .filter(p -> p.matches(payload))
                .map(CodePattern::network)
                .findFirst();
    }
}
