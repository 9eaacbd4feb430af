package com.kakehashi.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kakehashi.fx.domain.FxQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class QuoteSealTest {
    private static final byte[] KEY =
            "a key of thirty-two bytes or more".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY =
            "another key of thirty-two bytes!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    private final QuoteSeal seal = new QuoteSeal("k1", Map.of("k1", KEY));

    @Test
    void aSealedQuoteOpensToTheSameQuote() {
        Quote quote = aShanghaiQuote();

        String token = seal.seal(quote);

        assertThat(token).matches("k1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(QuoteSeal.MAX_TOKEN_LENGTH);
        assertThat(seal.open(token)).isEqualTo(new QuoteSeal.Opened.Valid(quote));
    }

    @Test
    void everyOneCharacterChangeIsRefused() {
        String token = seal.seal(aShanghaiQuote());
        for (int i = 0; i < token.length(); i++) {
            for (char c : new char[] {ALPHABET.charAt(i % ALPHABET.length()), 'A', 'B', '.'}) {
                if (c == token.charAt(i)) {
                    continue;
                }
                String changed = token.substring(0, i) + c + token.substring(i + 1);
                assertThat(seal.open(changed))
                        .as("token changed at %d to %s", i, c)
                        .isInstanceOf(QuoteSeal.Opened.Invalid.class);
            }
        }
    }

    @Test
    void aQuoteSealedWithAnotherKeyOrAnUnknownKeyIdIsRefused() {
        Quote quote = aShanghaiQuote();

        assertThat(seal.open(new QuoteSeal("k1", Map.of("k1", OTHER_KEY)).seal(quote)))
                .isInstanceOf(QuoteSeal.Opened.Invalid.class);
        assertThat(seal.open(new QuoteSeal("k2", Map.of("k2", KEY)).seal(quote)))
                .isInstanceOf(QuoteSeal.Opened.Invalid.class);
        assertThat(seal.open(null)).isInstanceOf(QuoteSeal.Opened.Invalid.class);
        assertThat(seal.open("k1..")).isInstanceOf(QuoteSeal.Opened.Invalid.class);
        assertThat(seal.open("k1." + "A".repeat(QuoteSeal.MAX_TOKEN_LENGTH) + ".x"))
                .isInstanceOf(QuoteSeal.Opened.Invalid.class);
    }

    @Test
    void afterARotationThePreviousKeyStillOpensButNoLongerSeals() {
        Quote quote = aShanghaiQuote();
        String sealedBefore = new QuoteSeal("k1", Map.of("k1", KEY)).seal(quote);
        QuoteSeal rotated = new QuoteSeal("k2", Map.of("k1", KEY, "k2", OTHER_KEY));

        assertThat(rotated.open(sealedBefore)).isEqualTo(new QuoteSeal.Opened.Valid(quote));
        assertThat(rotated.seal(quote)).startsWith("k2.");
    }

    @Test
    void keysShorterThan32BytesAreRefused() {
        assertThatThrownBy(() -> new QuoteSeal("k1", Map.of("k1", new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuoteSeal("k9", Map.of("k1", KEY))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ownersAreComparedExactly() {
        assertThat(QuoteSeal.sameOwner("traveller-1", "traveller-1")).isTrue();
        assertThat(QuoteSeal.sameOwner("traveller-1", "traveller-10")).isFalse();
    }

    private static Quote aShanghaiQuote() {
        Instant now = Instant.parse("2026-11-28T03:00:00.123456789Z");
        FxQuote pricing = new FxQuote(
                Money.of(new BigDecimal("128.50"), "CNY"),
                Money.of(2_741, "JPY"),
                new BigDecimal("21.15"),
                new BigDecimal("21.2557500000"),
                50,
                Money.of(10, "JPY"),
                "ECB",
                now.minusSeconds(3_600),
                "CROSS via EUR");
        return new Quote(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "traveller-日本",
                UUID.randomUUID(),
                pricing,
                now,
                now.plusSeconds(60));
    }
}
