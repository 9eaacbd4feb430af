package com.kakehashi.idempotency.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.idempotency.infra.IdempotencyRepository;
import com.kakehashi.idempotency.infra.IdempotencyRepository.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Idempotency keys, scoped by caller and operation. A claim is written in the caller's
 * transaction: if the work fails, the claim rolls back with it and a retry runs again; if a
 * concurrent request holds the same key, PostgreSQL makes the second wait for the first's
 * commit and then replays its answer.
 */
@ApplicationScoped
public class Idempotency {
    /** The request header carrying the key, and the answer header saying an answer was replayed. */
    public static final String KEY_HEADER = "Idempotency-Key";

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    @Inject
    IdempotencyRepository repository;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Claim claim(String caller, String operation, String key, String canonicalRequest) {
        requireValidKey(key);
        String hash = fingerprint(operation, canonicalRequest);
        if (repository.insertIfAbsent(caller, operation, key, hash, clock.instant())) {
            return new Claim.Fresh();
        }
        Record prior = repository.find(caller, operation, key).orElseThrow();
        if (!prior.requestHash().equals(hash)) {
            return new Claim.Mismatch(key);
        }
        if (prior.responseStatus() == null) {
            return new Claim.InFlight(prior.resourceId());
        }
        return new Claim.Replay(prior.responseStatus(), prior.responseBody(), prior.resourceId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void attachResource(String caller, String operation, String key, String resourceId) {
        repository.attachResource(caller, operation, key, resourceId);
    }

    /** The work is done: its answer is the resource it made, read back on every replay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeWithResource(String caller, String operation, String key, int status, String resourceId) {
        repository.completeWithResource(caller, operation, key, status, resourceId);
    }

    /** The answer to a reused key with another request, as every feature words it. */
    public static BusinessException reused(Claim.Mismatch mismatch) {
        return new BusinessException(
                ErrorCode.IDEMPOTENCY_KEY_REUSED,
                "Idempotency-Key '" + mismatch.key() + "' was used for a different request");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String caller, String operation, String key, int status, String body) {
        repository.complete(caller, operation, key, status, body);
    }

    public static void requireValidKey(String key) {
        if (key == null || key.isBlank()) {
            throw new BusinessException(ErrorCode.IDEMPOTENCY_KEY_MISSING, "Send an Idempotency-Key header");
        }
        if (!KEY.matcher(key).matches()) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST,
                    "Idempotency-Key must be 1-255 printable ASCII characters without spaces");
        }
    }

    /** What identifies a request under a key: a retry must send the same. */
    public static String fingerprint(String operation, String canonicalRequest) {
        return sha256(operation + "\n" + canonicalRequest);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
