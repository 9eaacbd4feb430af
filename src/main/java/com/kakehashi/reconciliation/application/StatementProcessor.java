package com.kakehashi.reconciliation.application;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.reconciliation.infra.CamtStatementReader;
import com.kakehashi.reconciliation.infra.CsvStatementReader;
import com.kakehashi.reconciliation.infra.IntakeRepository;
import com.kakehashi.reconciliation.infra.IntakeRepository.IntakeRow;
import com.kakehashi.reconciliation.infra.StatementFileException;
import com.kakehashi.reconciliation.infra.StatementRepository;
import com.kakehashi.reconciliation.infra.ZenginStatementReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.xml.stream.XMLStreamReader;
import org.jboss.logging.Logger;

/**
 * Processes one received statement file in bounded transactions: validate (camt against the official
 * XSD), read as a stream into PostgreSQL a chunk at a time, then match each statement it held. Whatever
 * fails, the file ends FAILED with a problem (code and detail) and what it stored is undone, so it can be
 * sent again; a line that cannot be read is a break of its own and never fails the file.
 */
@ApplicationScoped
public class StatementProcessor {
    private static final Logger LOG = Logger.getLogger(StatementProcessor.class);

    @Inject
    IntakeRepository intakes;

    @Inject
    StatementRepository statements;

    @Inject
    Matching matching;

    @Inject
    PartnerBanks banks;

    @Inject
    Clock clock;

    private ExecutorService validators;
    private ExecutorService copiers;

    @PostConstruct
    void start() {
        validators = Executors.newFixedThreadPool(
                2, Thread.ofPlatform().name("statement-schema-", 1).daemon().factory());
        copiers = Executors.newFixedThreadPool(
                2, Thread.ofPlatform().name("statement-copy-", 1).daemon().factory());
    }

    @PreDestroy
    void stop() {
        validators.shutdownNow();
        copiers.shutdownNow();
    }

    public void process(IntakeRow intake) {
        if (intake.state().equals("PROCESSING")) {
            LOG.warnf("Statement %s of %s was left half-processed; processing it again", intake.id(), intake.bankId());
            undo(intake.id());
        }
        QuarkusTransaction.requiringNew().run(() -> intakes.processing(intake.id(), clock.instant()));
        Path file = Path.of(intake.spoolPath());
        long started = System.nanoTime();
        try {
            PartnerBank bank = banks.byId(intake.bankId());
            // The schema check runs beside the reading (both stream the file): a statement that fails it is undone
            // like any other failure, and a million-line camt no longer pays for two passes one after the other.
            CompletableFuture<Void> schemaCheck = intake.kind().equals(Statements.Kind.XML.name())
                    ? CompletableFuture.runAsync(() -> validateCamt(file), validators)
                    : CompletableFuture.completedFuture(null);
            StatementStore store = new StatementStore(intake, bank, statements, clock, copiers);
            try {
                read(intake, bank, file, store);
            } finally {
                store.settle();
                awaitSchemaCheck(schemaCheck);
            }
            long validated = System.nanoTime();
            long stored = validated;
            for (UUID statementId : store.statementIds()) {
                matching.match(bank.id(), statementId, intake.receivedBy());
            }
            QuarkusTransaction.requiringNew()
                    .run(() -> intakes.processed(
                            intake.id(),
                            store.format(),
                            store.statementIds().size(),
                            store.entries(),
                            store.unprocessable(),
                            store.balanced(),
                            clock.instant()));
            LOG.infof(
                    "Statement %s of %s: %d entries; validated and stored in %d ms, matched in %d ms",
                    intake.id(),
                    bank.id(),
                    store.entries(),
                    (stored - started) / 1_000_000,
                    (System.nanoTime() - stored) / 1_000_000);
        } catch (StatementFileException e) {
            fail(intake, ErrorCode.STATEMENT_INVALID.name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
        } catch (BusinessException e) {
            fail(intake, e.errorCode().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Statement %s of %s could not be processed", intake.id(), intake.bankId());
            fail(
                    intake,
                    ErrorCode.INTERNAL.name().toLowerCase(java.util.Locale.ROOT),
                    "processing failed; nothing of it was kept and it may be sent again");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("Spool file %s not deleted: %s", file, e.getMessage());
            }
        }
    }

    /** Waits for the schema check; its refusal is the statement's refusal (it wins over a reading error it explains). */
    private static void awaitSchemaCheck(CompletableFuture<Void> schemaCheck) {
        StatementStore.join(schemaCheck);
    }

    private static void read(IntakeRow intake, PartnerBank bank, Path file, StatementStore store) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            switch (Statements.Kind.valueOf(intake.kind())) {
                case XML -> CamtStatementReader.read(in, bank.timeZone(), store);
                case CSV -> CsvStatementReader.read(in, Charset.forName(intake.charset()), store);
                case ZENGIN -> ZenginStatementReader.read(file, store);
            }
        } catch (IOException e) {
            throw new StatementFileException("unreadable statement: " + e.getMessage());
        }
    }

    private void fail(IntakeRow intake, String code, String detail) {
        try {
            undo(intake.id());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> intakes.failed(intake.id(), code, detail, clock.instant()));
        }
    }

    /** Forgets what an intake stored and matched; statements it had superseded are current again and re-matched. */
    private void undo(UUID intakeId) {
        List<UUID> ours = QuarkusTransaction.requiringNew().call(() -> statements.ofIntake(intakeId));
        List<UUID> restored = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> earlier = statements.supersededBy(ours);
            earlier.forEach(statements::restore);
            return earlier;
        });
        matching.forget(ours);
        QuarkusTransaction.requiringNew().run(() -> ours.forEach(statements::delete));
        for (UUID statementId : restored) {
            var row = QuarkusTransaction.requiringNew()
                    .call(() -> statements.byId(statementId))
                    .orElseThrow();
            matching.match(row.bankId(), statementId, "matcher");
        }
    }

    private static void validateCamt(Path file) {
        String namespace;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader =
                    com.kakehashi.common.xml.SafeXml.inputFactory().createXMLStreamReader(in);
            while (reader.hasNext() && reader.next() != XMLStreamReader.START_ELEMENT) {
                if (reader.getEventType() == XMLStreamReader.DTD) {
                    throw new StatementFileException("DTDs are not accepted");
                }
            }
            namespace = reader.getNamespaceURI();
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new StatementFileException("not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new StatementFileException("unreadable statement: " + e.getMessage());
        }
        String schema = switch (CamtStatementReader.detect(namespace)) {
            case CAMT053 -> "camt.053.001.08";
            case CAMT054 -> "camt.054.001.08";
            default -> throw new IllegalStateException();
        };
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            com.kakehashi.common.xml.XsdValidator.validate(schema, in);
        } catch (IllegalArgumentException e) {
            throw new StatementFileException("not a valid " + schema + ": " + e.getMessage());
        } catch (IOException e) {
            throw new StatementFileException("unreadable statement: " + e.getMessage());
        }
    }
}
