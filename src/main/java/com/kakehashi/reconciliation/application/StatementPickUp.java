package com.kakehashi.reconciliation.application;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.zengin.ZenginText;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Reads each bank's drop directory ({@code <root>/<bankId>/}: {@code *.xml} camt, {@code *.csv}, {@code *.zengin}
 * Zengin 入出金取引明細) through the same path as uploads; a file
 * taken in moves to {@code done/} (its processing is followed at its status, like an upload's), a refused
 * one to {@code failed/} with the reason beside it.
 */
@ApplicationScoped
public class StatementPickUp {
    private static final Logger LOG = Logger.getLogger(StatementPickUp.class);

    @Inject
    Statements statements;

    @Inject
    PartnerBanks banks;

    @Inject
    ReconciliationConfig config;

    @Scheduled(
            identity = "statement-pick-up",
            every = "${kakehashi.reconciliation.pick-up-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        config.dropDirectory().ifPresent(this::pickUp);
    }

    public List<Statements.Intake> pickUp(Path root) {
        List<Statements.Intake> received = new ArrayList<>();
        for (PartnerBank bank : banks.all()) {
            Path directory = root.resolve(bank.id());
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    Statements.Kind kind =
                            Statements.Kind.ofFileName(file.getFileName().toString());
                    if (kind == null) {
                        continue;
                    }
                    try {
                        Path spooled = statements.spoolFile(kind);
                        Files.copy(file, spooled, StandardCopyOption.REPLACE_EXISTING);
                        Charset charset =
                                kind == Statements.Kind.ZENGIN ? ZenginText.SHIFT_JIS : StandardCharsets.UTF_8;
                        received.add(statements.receive(bank.id(), kind, charset, spooled, "drop:" + bank.id()));
                        move(file, "done");
                    } catch (BusinessException e) {
                        LOG.warnf("Statement %s refused: %s", file, e.getMessage());
                        Path failed = move(file, "failed");
                        Files.writeString(failed.resolveSibling(failed.getFileName() + ".reason.txt"), e.getMessage());
                    }
                }
            } catch (IOException e) {
                LOG.errorf("Drop directory %s unreadable: %s", directory, e.getMessage());
            }
        }
        return received;
    }

    private static Path move(Path file, String subdirectory) throws IOException {
        Path target = file.resolveSibling(subdirectory);
        Files.createDirectories(target);
        return Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
