package com.kakehashi.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The settings some tests need that differ from the test defaults, in one profile: each distinct profile
 * restarts (and re-augments) Quarkus, so tests whose settings do not interfere share this one. Production's
 * management interface (metrics, health and the OpenAPI document off the public port), refunds at the
 * market rate, and a reconciliation tolerance of one minor unit. A test joining it must not depend on the
 * defaults these replace (e.g. on /q/metrics answering on the public port).
 */
public class NonDefaultSettings implements QuarkusTestProfile {
    public static final int MANAGEMENT_PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.management.enabled",
                "true",
                "quarkus.management.test-port",
                Integer.toString(MANAGEMENT_PORT),
                "quarkus.swagger-ui.always-include",
                "false",
                "kakehashi.fx.refund-rate-policy",
                "MARKET_RATE",
                "kakehashi.reconciliation.tolerance-minor",
                "1");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
