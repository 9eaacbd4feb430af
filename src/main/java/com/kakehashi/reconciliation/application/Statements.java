package com.kakehashi.reconciliation.application;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.reconciliation.domain.StatementEntry;
import com.kakehashi.reconciliation.domain.StatementHeader;
import com.kakehashi.reconciliation.infra.CamtStatementReader;
import com.kakehashi.reconciliation.infra.CsvStatementReader;
import com.kakehashi.reconciliation.infra.StatementFileException;
import com.kakehashi.reconciliation.infra.StatementRepository;
import com.kakehashi.common.xml.XsdValidator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.xml.stream.XMLStreamReader;

/**
 * Statements in, whatever the channel (API upload or drop directory): recognised when sent twice,
 * validated (camt against the official XSD), read as a stream, stored all or nothing, balance-checked,
 * then the bank is re-matched.
 */
@ApplicationScoped
public class Statements {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Statements.class);
    private static final int CHUNK = 10_000;

    @Inject
    StatementRepository repository;
    @Inject
    Matching matching;
    @Inject
    PartnerBanks banks;
    @Inject
    ReconciliationConfig config;
    @Inject
    Clock clock;

    public enum Kind {
        XML, CSV
    }

    public record Received(UUID statementId, boolean alreadyReceived, String format, int entries, boolean balanced) {
    }

    public Received receive(String bankId, Kind kind, Path file, String actor) {
        banks.byId(bankId);
        try {
            long size = Files.size(file);
            if (size == 0 || size > config.maxStatementBytes()) {
                throw new BusinessException(ErrorCode.STATEMENT_INVALID, "a statement holds 1 to "
                        + config.maxStatementBytes() + " bytes, this one " + size);
            }
            String sha = sha256(file);
            Optional<UUID> known = QuarkusTransaction.requiringNew().call(() -> repository.sameContent(bankId, sha));
            if (known.isPresent()) {
                var row = QuarkusTransaction.requiringNew().call(() -> repository.byId(known.get())).orElseThrow();
                return new Received(row.id(), true, row.format(), row.entryCount(), row.balanced());
            }
            long started = System.nanoTime();
            if (kind == Kind.XML) {
                validateCamt(file);
            }
            long validated = System.nanoTime();
            UUID id = UUID.randomUUID();
            Received received = QuarkusTransaction.requiringNew().timeout(900).call(() -> store(id, bankId, kind, file, sha, actor));
            long stored = System.nanoTime();
            matching.rematch(bankId, actor);
            LOG.infof("Statement %s of %s: %d entries; validated in %d ms, stored in %d ms, matched in %d ms", id, bankId,
                    received.entries(), (validated - started) / 1_000_000, (stored - validated) / 1_000_000,
                    (System.nanoTime() - stored) / 1_000_000);
            return received;
        } catch (StatementFileException e) {
            throw new BusinessException(ErrorCode.STATEMENT_INVALID, e.getMessage());
        } catch (IOException e) {
            throw new BusinessException(ErrorCode.STATEMENT_INVALID, "unreadable statement: " + e.getMessage());
        }
    }

    private Received store(UUID id, String bankId, Kind kind, Path file, String sha, String actor) throws IOException {
        List<StatementEntry> chunk = new ArrayList<>(CHUNK);
        long[] totals = new long[2]; // signed sum, count
        StatementHeader header;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            java.util.function.Consumer<StatementEntry> sink = entry -> {
                chunk.add(entry);
                totals[0] += entry.signedMinor();
                totals[1]++;
                if (chunk.size() == CHUNK) {
                    repository.copyEntries(id, chunk);
                    chunk.clear();
                }
            };
            header = kind == Kind.XML ? CamtStatementReader.read(in, sink) : CsvStatementReader.read(in, sink);
        }
        repository.copyEntries(id, chunk);
        repository.insert(id, bankId, header, sha, totals[0], (int) totals[1], actor, clock.instant());
        repository.supersedeEarlier(bankId, header.account(), header.statementRef(), id);
        return new Received(id, false, header.format().name(), (int) totals[1], header.addsUp(totals[0]));
    }

    private static void validateCamt(Path file) throws IOException {
        String namespace;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = com.kakehashi.common.xml.SafeXml.inputFactory().createXMLStreamReader(in);
            while (reader.hasNext() && reader.next() != XMLStreamReader.START_ELEMENT) {
                if (reader.getEventType() == XMLStreamReader.DTD) {
                    throw new StatementFileException("DTDs are not accepted");
                }
            }
            namespace = reader.getNamespaceURI();
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new StatementFileException("not well-formed XML: " + e.getMessage());
        }
        String schema = switch (CamtStatementReader.detect(namespace)) {
            case CAMT053 -> "camt.053.001.08";
            case CAMT054 -> "camt.054.001.08";
            case CSV -> throw new IllegalStateException();
        };
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XsdValidator.validate(schema, in);
        } catch (IllegalArgumentException e) {
            throw new StatementFileException("not a valid " + schema + ": " + e.getMessage());
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


}
