package com.kakehashi.acquiring.sandbox;

import com.kakehashi.acquiring.application.Acquirers;
import com.kakehashi.acquiring.domain.AcquirerRegistration;
import com.kakehashi.acquiring.domain.CodePattern;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The demo registers cn-sandbox-acquirer (settled by the Chinese bank), served by the sandbox above. Demo only.
 * The demo seed calls it once its partner banks exist (on a fresh database the server-start event came
 * before them, and the acquirer was refused: "No partner bank 'cn-settlement-bank'").
 */
@IfBuildProfile("demo")
@ApplicationScoped
public class SandboxAcquirerSeed {
    private static final Logger LOG = Logger.getLogger(SandboxAcquirerSeed.class);

    @Inject
    Acquirers acquirers;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    /** Registers the sandbox acquirer unless it exists; its settlement bank must be registered already. */
    public void seedAfterBanks() {
        if (!io.quarkus.runtime.configuration.ConfigUtils.getProfiles().contains("demo")) {
            return; // a demo build started in another profile seeds nothing
        }
        try {
            if (acquirers.all().stream().anyMatch(a -> a.id().equals(SandboxCodes.ACQUIRER_ID))) {
                return;
            }
            acquirers.register(new AcquirerRegistration(
                    SandboxCodes.ACQUIRER_ID,
                    "CN Sandbox Acquirer",
                    "CN",
                    "CNY",
                    "cn-settlement-bank",
                    "6222020200998877665",
                    SandboxCodes.PATTERNS.stream()
                            .map(p -> new CodePattern(p[0], p[1]))
                            .toList(),
                    Optional.of("http://localhost:" + port + "/sandbox/acquirer/resolve")));
            LOG.infof("Demo acquirer %s registered", SandboxCodes.ACQUIRER_ID);
        } catch (RuntimeException e) {
            LOG.error("Demo acquirer seeding failed", e);
        }
    }
}
