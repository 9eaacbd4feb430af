package com.kakehashi.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.bank.domain.CutoffFrequency;
import com.kakehashi.bank.domain.DeliveryTargets;
import com.kakehashi.bank.domain.PartnerBank.DeliveryChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 9 item 11: where an operator may point a bank's files, and how often its cut-offs may fire. */
class DeliveryTargetsTest {
    private static final Set<String> HOSTS = Set.of("files.bank.example");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/etc",
                "/tmp/outbox",
                "..",
                "../x",
                "a/../../b",
                "a/./b",
                "./a",
                "a//b",
                "a\\..\\b",
                "C:x",
                "a/",
                "~root",
                ".hidden",
                "a b"
            })
    void directoryTargetsLeavingTheOutboxAreRefused(String target) {
        assertThat(DeliveryTargets.refusal(DeliveryChannel.DIRECTORY, target, HOSTS, false))
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jp-funding-bank", "banks/cn_settlement.bank", "a1"})
    void plainRelativeDirectoriesAreAllowed(String target) {
        assertThat(DeliveryTargets.refusal(DeliveryChannel.DIRECTORY, target, HOSTS, false))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://files.bank.example/in",
                "https://evil.example/in",
                "https://user:pw@files.bank.example/",
                "https://files.bank.example.evil.example/",
                "ftp://files.bank.example/",
                "https://files.bank.example/in?x=1",
                "file:///etc/passwd",
                "files.bank.example"
            })
    void httpsTargetsMustBeRegisteredHostsOverHttps(String target) {
        assertThat(DeliveryTargets.refusal(DeliveryChannel.HTTPS, target, HOSTS, false))
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://files.bank.example", "https://FILES.bank.example:8443/intake/v1"})
    void aRegisteredHostOverHttpsIsAllowed(String target) {
        assertThat(DeliveryTargets.refusal(DeliveryChannel.HTTPS, target, HOSTS, false))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 59, 3599})
    void cutoffsCloserThanTheMinimumAreRefused(int seconds) {
        Instant first = Instant.parse("2026-12-01T09:00:00Z");
        assertThat(CutoffFrequency.refusal(List.of(first, first.plusSeconds(seconds)), Duration.ofHours(1)))
                .isPresent();
        assertThat(CutoffFrequency.refusal(List.of(first, first.plusSeconds(3600)), Duration.ofHours(1)))
                .isEmpty();
    }
}
