package com.kakehashi.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kakehashi.webhook.domain.SecretCipher.Sealed;
import com.kakehashi.webhook.domain.SecretCipher.UnreadableSecretException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private static final byte[] KEY_1 = key(1);
    private static final byte[] KEY_2 = key(2);

    @Test
    void aSealedSecretOpensUnderItsKeyAndHoldsNoPlainText() {
        SecretCipher cipher = new SecretCipher(1, Map.of(1, KEY_1));
        Sealed sealed = cipher.seal("sub-1", "whsec_abc");

        assertThat(cipher.open("sub-1", sealed)).isEqualTo("whsec_abc");
        assertThat(sealed.keyVersion()).isEqualTo(1);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("whsec_abc");
    }

    @Test
    void everySecretGetsItsOwnNonce() {
        SecretCipher cipher = new SecretCipher(1, Map.of(1, KEY_1));
        Sealed a = cipher.seal("sub-1", "whsec_abc");
        Sealed b = cipher.seal("sub-1", "whsec_abc");

        assertThat(a.nonce()).hasSize(12).isNotEqualTo(b.nonce());
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
    }

    @Test
    void aWrongKeyFailsLoudly() {
        Sealed sealed = new SecretCipher(1, Map.of(1, KEY_1)).seal("sub-1", "whsec_abc");

        assertThatThrownBy(() -> new SecretCipher(1, Map.of(1, KEY_2)).open("sub-1", sealed))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("does not open under key version 1");
        assertThatThrownBy(() -> new SecretCipher(2, Map.of(2, KEY_2)).open("sub-1", sealed))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("not configured");
    }

    @Test
    void aCiphertextCopiedOntoAnotherSubscriptionDoesNotOpen() {
        SecretCipher cipher = new SecretCipher(1, Map.of(1, KEY_1));
        Sealed sealed = cipher.seal("sub-1", "whsec_abc");

        assertThatThrownBy(() -> cipher.open("sub-2", sealed)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void afterRotationOldSecretsStillOpenAndNewOnesUseTheNewKey() {
        Sealed old = new SecretCipher(1, Map.of(1, KEY_1)).seal("sub-1", "whsec_old");
        SecretCipher rotated = new SecretCipher(2, Map.of(1, KEY_1, 2, KEY_2));

        assertThat(rotated.open("sub-1", old)).isEqualTo("whsec_old");
        assertThat(rotated.seal("sub-1", "whsec_new").keyVersion()).isEqualTo(2);
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new SecretCipher(1, Map.of(1, new byte[16])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 32");
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
