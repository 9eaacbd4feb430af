package com.kakehashi.reconciliation.application;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.reconciliation.infra.IntakeRepository;
import com.kakehashi.reconciliation.infra.IntakeRepository.IntakeRow;
import com.kakehashi.reconciliation.infra.StatementRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Statements in, whatever the channel (API upload or drop directory): the file is spooled and recorded
 * (RECEIVED) in one short transaction, and a statement worker processes it off the request thread. The
 * same bytes from the same bank are recognised unless their processing failed: a failed statement can
 * be sent again and is processed.
 */
@ApplicationScoped
public class Statements {
    @Inject
    IntakeRepository intakes;

    @Inject
    StatementRepository statements;

    @Inject
    StatementWorker worker;

    @Inject
    PartnerBanks banks;

    @Inject
    ReconciliationConfig config;

    @Inject
    Clock clock;

    /** XML: camt.053/054; CSV: the documented CSV; ZENGIN: the Zengin 入出金取引明細 (fixed length, Shift_JIS). */
    public enum Kind {
        XML(".xml"),
        CSV(".csv"),
        ZENGIN(".zengin");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }

        /** The kind a dropped file's name announces, or null for a file the drop directory does not take. */
        public static Kind ofFileName(String name) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            for (Kind kind : values()) {
                if (lower.endsWith(kind.suffix)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** What the caller sees of a statement file: its state and, once processed, what it held. */
    public record Intake(
            UUID statementId,
            String bankId,
            String state,
            boolean alreadyReceived,
            String format,
            int statements,
            int entries,
            int unprocessable,
            Boolean balanced,
            String problemCode,
            String problemDetail,
            List<UUID> statementIds) {
        public boolean done() {
            return state.equals("PROCESSED") || state.equals("FAILED");
        }
    }

    /** A new file in the spool directory for the caller to fill; {@link #receive} takes it over. */
    public Path spoolFile(Kind kind) throws IOException {
        Files.createDirectories(config.spoolDirectory());
        return Files.createTempFile(config.spoolDirectory(), "statement-", kind.suffix());
    }

    /** Takes over a spooled file (deleted when processed or recognised as sent before). */
    public Intake receive(String bankId, Kind kind, Charset charset, Path spooled, String actor) {
        try {
            banks.byId(bankId);
            long size = Files.size(spooled);
            if (size == 0 || size > config.maxStatementBytes()) {
                throw new BusinessException(
                        ErrorCode.STATEMENT_INVALID,
                        "a statement holds 1 to " + config.maxStatementBytes() + " bytes, this one " + size);
            }
            String sha = sha256(spooled);
            UUID id = UUID.randomUUID();
            boolean isNew = QuarkusTransaction.requiringNew()
                    .call(() -> intakes.insertIfNew(
                            id,
                            bankId,
                            kind.name(),
                            charset.name(),
                            sha,
                            size,
                            spooled.toAbsolutePath().toString(),
                            actor,
                            clock.instant()));
            if (!isNew) {
                Files.deleteIfExists(spooled);
                IntakeRow known = QuarkusTransaction.requiringNew()
                        .call(() -> intakes.current(bankId, sha))
                        .orElseThrow();
                return view(known, true);
            }
            worker.wake(bankId);
            return status(id);
        } catch (IOException e) {
            throw new BusinessException(ErrorCode.STATEMENT_INVALID, "unreadable statement: " + e.getMessage());
        } catch (RuntimeException e) {
            deleteQuietly(spooled);
            throw e;
        }
    }

    public Intake status(UUID id) {
        IntakeRow row = QuarkusTransaction.requiringNew()
                .call(() -> intakes.byId(id))
                .orElseThrow(() -> new BusinessException(ErrorCode.STATEMENT_NOT_FOUND, "No statement " + id));
        return view(row, false);
    }

    private Intake view(IntakeRow row, boolean alreadyReceived) {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> statements.ofIntake(row.id()));
        return new Intake(
                row.id(),
                row.bankId(),
                row.state(),
                alreadyReceived,
                row.format(),
                row.statements(),
                row.entries(),
                row.unprocessable(),
                row.balanced(),
                row.problemCode(),
                row.problemDetail(),
                ids);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover spool file is harmless
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
