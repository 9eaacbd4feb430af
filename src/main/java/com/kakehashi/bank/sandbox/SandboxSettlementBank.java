package com.kakehashi.bank.sandbox;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.common.runtime.RuntimeProfiles;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The demo profile's settlement bank: every few seconds it takes each pain.001 (or, for a bank paid by Zengin
 * only, each 総合振込) a directory-delivered bank received in the outbox, books it on its execution date, and
 * drops the camt.053 (or Zengin 入出金取引明細) it would send back into the
 * reconciliation statement drop directory ({@code <drop>/<bank id>/}), which reconciliation reads like any
 * bank's. Faults ({@code kakehashi.sandbox.faults}) make it misbehave; see the README.
 */
@IfBuildProfile("demo")
@ApplicationScoped
public class SandboxSettlementBank {
    private static final Logger LOG = Logger.getLogger(SandboxSettlementBank.class);

    @Inject
    PartnerBanks banks;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kakehashi.settlement.outbox")
    Path outbox;

    @ConfigProperty(name = "kakehashi.reconciliation.drop-directory")
    Optional<Path> drop;

    @ConfigProperty(name = "kakehashi.sandbox.faults")
    Optional<List<SandboxStatements.Fault>> faults;

    @Scheduled(
            identity = "sandbox-settlement-bank",
            every = "${kakehashi.sandbox.every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cycle() {
        if (!RuntimeProfiles.isActive("demo")) {
            return; // a demo build started in another runtime profile books nothing
        }
        drop.ifPresent(root -> {
            for (PartnerBank bank : banks.all()) {
                if (bank.deliveryChannel() == PartnerBank.DeliveryChannel.DIRECTORY) {
                    bookDelivered(bank, root);
                }
            }
        });
    }

    void bookDelivered(PartnerBank bank, Path dropRoot) {
        Path received = outbox.resolve(bank.deliveryTarget());
        if (!Files.isDirectory(received)) {
            return;
        }
        Set<SandboxStatements.Fault> active = faults.map(
                        f -> f.isEmpty() ? EnumSet.noneOf(SandboxStatements.Fault.class) : EnumSet.copyOf(f))
                .orElse(EnumSet.noneOf(SandboxStatements.Fault.class));
        // A bank paid by Zengin only (no pain.001) answers with a Zengin 入出金取引明細, the others with a camt.053.
        boolean zengin = bank.fileFormats().contains(PartnerBank.FileFormat.ZENGIN)
                && !bank.fileFormats().contains(PartnerBank.FileFormat.PAIN001);
        String delivered = zengin ? ".zengin.txt" : ".pain001.xml";
        try (Stream<Path> files = Files.list(received)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(delivered))
                    .sorted()
                    .toList()) {
                Path booked = received.resolve(".sandbox-booked").resolve(file.getFileName());
                if (!Files.exists(booked)) {
                    byte[] content = Files.readAllBytes(file);
                    byte[] statement = zengin
                            ? SandboxZenginStatements.statement(
                                    SandboxZenginStatements.read(
                                            content,
                                            LocalDate.ofInstant(clock.instant(), bank.timeZone())
                                                    .minusDays(7)),
                                    active)
                            : SandboxStatements.camt053(SandboxStatements.read(content), active, bank.timeZone())
                                    .getBytes(StandardCharsets.UTF_8);
                    String name = file.getFileName().toString();
                    String dropped = "sandbox-"
                            + (zengin ? name.substring(0, name.length() - delivered.length()) + ".zengin" : name);
                    Path directory = Files.createDirectories(dropRoot.resolve(bank.id()));
                    Path partial = Files.createTempFile(directory, ".sandbox-", ".partial");
                    Files.write(partial, statement);
                    Files.move(partial, directory.resolve(dropped), StandardCopyOption.ATOMIC_MOVE);
                    Files.createDirectories(booked.getParent());
                    Files.writeString(booked, active.toString());
                    LOG.infof("Sandbox bank %s booked %s (faults %s)", bank.id(), file.getFileName(), active);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Sandbox bank %s could not book its files: %s", bank.id(), e.getMessage());
        }
    }
}
