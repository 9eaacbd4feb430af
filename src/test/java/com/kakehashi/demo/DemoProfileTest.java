package com.kakehashi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's guards: its code runs only when the running profile is demo (a demo build started in prod
 * serves nothing of the demo), and demo tokens go to callers on this machine only.
 */
class DemoProfileTest {
    @Test
    void aDemoBuildStartedInProdOrTestStaysOff() {
        assertThat(DemoProfile.activeIn(List.of("prod"))).isFalse();
        assertThat(DemoProfile.activeIn(List.of("test"))).isFalse();
        assertThat(DemoProfile.activeIn(List.of())).isFalse();
        assertThat(DemoProfile.activeIn(null)).isFalse();
    }

    @Test
    void theDemoProfileTurnsItOn() {
        assertThat(DemoProfile.activeIn(List.of("demo"))).isTrue();
        assertThat(DemoProfile.activeIn(List.of("demo", "common"))).isTrue();
    }

    @Test
    void onlyLoopbackCallersMayMintTokens() {
        assertThat(DemoProfile.isLoopback("127.0.0.1")).isTrue();
        assertThat(DemoProfile.isLoopback("127.8.9.10")).isTrue();
        assertThat(DemoProfile.isLoopback("::1")).isTrue();
        assertThat(DemoProfile.isLoopback("[::1]")).isTrue();
        assertThat(DemoProfile.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(DemoProfile.isLoopback("10.0.0.5")).isFalse();
        assertThat(DemoProfile.isLoopback("192.168.1.20")).isFalse();
        assertThat(DemoProfile.isLoopback("::ffff:10.0.0.5")).isFalse();
        assertThat(DemoProfile.isLoopback("localhost"))
                .as("names are never resolved")
                .isFalse();
        assertThat(DemoProfile.isLoopback("")).isFalse();
        assertThat(DemoProfile.isLoopback(null)).isFalse();
    }
}
