package com.kakehashi.settlement.application;

import com.kakehashi.bank.application.BusinessCalendars;
import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.settlement.infra.BatchRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The clock of settlement. The tick is a Quartz job in the clustered JDBC store, so with several
 * instances each tick runs on one of them; each due cut-off is run through {@link SettlementRuns},
 * which is idempotent per bank and cut-off anyway. Cut-offs missed while the service was down are
 * caught up in order, once each.
 */
@ApplicationScoped
public class SettlementScheduler {
    private static final Logger LOG = Logger.getLogger(SettlementScheduler.class);
    static final String ACTOR = "scheduler";

    @Inject
    SettlementRuns runs;

    @Inject
    PartnerBanks banks;

    @Inject
    BatchRepository repository;

    @Inject
    SettlementConfig config;

    @Inject
    Clock clock;

    @Inject
    BusinessCalendars calendars;

    @Scheduled(
            identity = "settlement-tick",
            cron = "${kakehashi.settlement.tick}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runDue(clock.instant());
    }

    /** Runs every cut-off of every bank that is due at {@code now} and has no batch yet; returns them. */
    public List<Instant> runDue(Instant now) {
        runs.resumeUnfinished(ACTOR);
        List<Instant> ran = new ArrayList<>();
        for (PartnerBank bank : banks.all()) {
            ran.addAll(runDueFor(bank, now));
        }
        return ran;
    }

    /** The same for one bank (an operator's catch-up of one bank, a test that owns its bank). */
    public List<Instant> runDueFor(String bankId, Instant now) {
        return runDueFor(banks.byId(bankId), now);
    }

    private List<Instant> runDueFor(PartnerBank bank, Instant now) {
        List<Instant> ran = new ArrayList<>();
        Instant after = QuarkusTransaction.requiringNew()
                .call(() -> repository.latestCutoff(bank.id()))
                .filter(latest -> latest.isAfter(bank.settlesFrom()))
                .orElse(bank.settlesFrom());
        var calendar = calendars.of(bank);
        for (Instant cutoff : CutoffCalendar.between(
                bank,
                after,
                now,
                config.maxCatchUp(),
                at -> calendar.isOpen(at.atZone(bank.timeZone()).toLocalDate()))) {
            try {
                runs.run(bank.id(), cutoff, ACTOR);
                ran.add(cutoff);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Settlement of %s at %s failed; the next tick retries", bank.id(), cutoff);
                break;
            }
        }
        return ran;
    }
}
