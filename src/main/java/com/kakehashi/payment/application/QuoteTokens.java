package com.kakehashi.payment.application;

import com.kakehashi.payment.domain.Quote;
import com.kakehashi.payment.domain.QuoteSeal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The configured {@link QuoteSeal}: the current key seals, the current and the previous key open. */
@ApplicationScoped
public class QuoteTokens {
    @Inject
    QuoteConfig config;

    private QuoteSeal seal;

    @PostConstruct
    void init() {
        Map<String, byte[]> keys = new HashMap<>();
        config.previousSigningKey()
                .ifPresent(previous -> keys.put(
                        config.previousSigningKeyId()
                                .orElseThrow(
                                        () -> new IllegalStateException(
                                                "kakehashi.quote.previous-signing-key needs kakehashi.quote.previous-signing-key-id")),
                        Base64.getDecoder().decode(previous)));
        keys.put(config.signingKeyId(), Base64.getDecoder().decode(config.signingKey()));
        seal = new QuoteSeal(config.signingKeyId(), keys);
    }

    public String seal(Quote quote) {
        return seal.seal(quote);
    }

    public QuoteSeal.Opened open(String token) {
        return seal.open(token);
    }
}
