package com.kakehashi.bank.sandbox;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.bank.infra.FundingBankClient.DebitRequest;
import com.kakehashi.bank.sandbox.SandboxStatements.Booking;
import com.kakehashi.common.runtime.RuntimeProfiles;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The demo profile's funding bank books what it does on the house's account, as a bank does: each debit it approves
 * and each reversal, on the day (in its zone) it answers, into {@link SandboxFundingLedger}; and every few seconds it
 * sends the camt.053 of what it booked into the reconciliation statement drop directory ({@code <drop>/<funding bank
 * id>/}), so the top-ups it approved are on a statement like any bank's and none is MISSING_AT_BANK.
 */
@IfBuildProfile("demo")
@ApplicationScoped
public class SandboxFundingBank {
    private static final Logger LOG = Logger.getLogger(SandboxFundingBank.class);

    @Inject
    PartnerBanks banks;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kakehashi.sandbox.ledger-directory", defaultValue = "target/sandbox-funding-bank")
    Path ledgerDirectory;

    @ConfigProperty(name = "kakehashi.reconciliation.drop-directory")
    Optional<Path> drop;

    void approved(DebitRequest request) {
        book(request, SandboxFundingLedger.approved(request));
    }

    void reversed(DebitRequest request) {
        book(request, SandboxFundingLedger.reversed(request));
    }

    private void book(DebitRequest request, Booking booking) {
        ZoneId zone = fundingBank().map(PartnerBank::timeZone).orElse(ZoneId.of("Asia/Tokyo"));
        try {
            new SandboxFundingLedger(ledgerDirectory)
                    .book(LocalDate.now(clock.withZone(zone)), request.currency(), booking);
        } catch (IOException e) {
            // The answer stands (the customer's money moved); the booking is what a real bank could lose too, and
            // reconciliation shows it as MISSING_AT_BANK.
            LOG.errorf("Sandbox funding bank could not book %s: %s", booking.endToEndId(), e.getMessage());
        }
    }

    @Scheduled(
            identity = "sandbox-funding-bank",
            every = "${kakehashi.sandbox.every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cycle() {
        if (!RuntimeProfiles.isActive("demo")) {
            return; // a demo build started in another runtime profile states nothing
        }
        Optional<PartnerBank> registered = fundingBank(); // none before the demo data registers it
        if (drop.isEmpty() || registered.isEmpty()) {
            return;
        }
        PartnerBank bank = registered.get();
        try {
            for (Path sent : new SandboxFundingLedger(ledgerDirectory)
                    .state(drop.get().resolve(bank.id()), bank.settlementAccount())) {
                LOG.infof("Sandbox funding bank sent %s", sent.getFileName());
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Sandbox funding bank could not send its statement: %s", e.getMessage());
        }
    }

    private Optional<PartnerBank> fundingBank() {
        return banks.all().stream()
                .filter(b -> b.id().equals(PartnerBanks.FUNDING_BANK_ID))
                .findFirst();
    }
}
