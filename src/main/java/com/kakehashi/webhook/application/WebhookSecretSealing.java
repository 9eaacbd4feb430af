package com.kakehashi.webhook.application;

import com.kakehashi.webhook.infra.WebhookRepository;
import com.kakehashi.webhook.infra.WebhookRepository.PlaintextSecret;
import com.kakehashi.webhook.infra.WebhookRepository.SealedSecret;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * At start-up, seals the secrets written in plain text before V12_1 and nulls the plain text, then seals again under
 * the current key the secrets of an older key version (rotation). Batches of {@link #BATCH} rows, each in its own
 * short transaction with SKIP LOCKED, so instances starting together share the work. A key that cannot open a
 * secret stops the start-up: the configuration is wrong, and nothing is rewritten.
 */
@ApplicationScoped
public class WebhookSecretSealing {
    private static final Logger LOG = Logger.getLogger(WebhookSecretSealing.class);
    static final int BATCH = 200;
    private static final int MAX_BATCHES = 10_000;

    @Inject
    WebhookRepository repository;

    @Inject
    WebhookSecrets secrets;

    void onStart(@Observes StartupEvent start) {
        int sealed = sealPlaintext();
        int resealed = resealOldKeys();
        if (sealed + resealed > 0) {
            LOG.infof(
                    "Webhook secrets: %d sealed from plain text, %d sealed again under key version %d",
                    sealed, resealed, secrets.currentVersion());
        }
    }

    /** Seals every secret still in plain text; returns how many. */
    public int sealPlaintext() {
        int done = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int n = QuarkusTransaction.requiringNew().call(() -> {
                List<PlaintextSecret> rows = repository.plaintextSecrets(BATCH);
                rows.forEach(r -> repository.storeSealed(r.id(), secrets.seal(r.id(), r.secret())));
                return rows.size();
            });
            done += n;
            if (n < BATCH) {
                return done;
            }
        }
        throw new IllegalStateException("more than " + MAX_BATCHES * BATCH + " plaintext webhook secrets");
    }

    /** Seals again under the current key the secrets an older key sealed; returns how many. */
    public int resealOldKeys() {
        int done = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int n = QuarkusTransaction.requiringNew().call(() -> {
                List<SealedSecret> rows = repository.sealedUnderOtherKeys(secrets.currentVersion(), BATCH);
                rows.forEach(r ->
                        repository.storeSealed(r.id(), secrets.seal(r.id(), secrets.open(r.id(), r.sealed()))));
                return rows.size();
            });
            done += n;
            if (n < BATCH) {
                return done;
            }
        }
        throw new IllegalStateException("more than " + MAX_BATCHES * BATCH + " webhook secrets to seal again");
    }
}
