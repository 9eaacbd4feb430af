package com.kakehashi.ledger.application;

import com.kakehashi.ledger.domain.LedgerCheckResult;
import com.kakehashi.ledger.domain.LedgerCheckResult.Scope;
import com.kakehashi.ledger.domain.LedgerCheckResult.UnbalancedJournal;
import com.kakehashi.ledger.domain.LedgerCheckResult.WalletMismatch;
import com.kakehashi.ledger.infra.LedgerCheckRepository;
import com.kakehashi.ledger.infra.LedgerCheckRepository.Found;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Checks in production what the ledger promises: every journal sums to zero per currency, and every wallet's stored
 * balance is the sum of its postings. The database already refuses an unbalanced commit and an UPDATE of a posting;
 * this catches what gets around them (a disabled trigger, a manual fix, a restore) and a wallet row out of step.
 *
 * <p>Cheap on a large database: the incremental check reads only journals since its cursor (less
 * {@code overlap} for late commits), the wallets they touched, and the offenders it already knows (so a discrepancy
 * stays reported until it is repaired); the full check reads everything, on a slower schedule. Each instance checks
 * for itself (its health and metrics answer for it); the cursor starts at the instance's start less the overlap, and
 * the first full check covers what came before.
 *
 * <p>Results: {@code kakehashi_ledger_check_discrepancies{kind}} (gauge, from the latest run),
 * {@code kakehashi_ledger_check_runs_total{scope,result}} (counter), the health group {@code ledger}
 * ({@code /q/health/group/ledger}, DOWN naming the first offending ids) and one log line per run (WARN/ERROR when
 * something is off).
 */
@ApplicationScoped
public class LedgerSelfCheck {
    private static final Logger LOG = Logger.getLogger(LedgerSelfCheck.class);

    @Inject
    LedgerCheckRepository repository;

    @Inject
    LedgerCheckConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    private final AtomicLong unbalancedJournals = new AtomicLong();
    private final AtomicLong walletMismatches = new AtomicLong();
    private volatile Instant cursor;
    private volatile LedgerCheckResult latest;
    private final Set<String> knownJournals = new LinkedHashSet<>();
    private final Set<String> knownWallets = new LinkedHashSet<>();

    @PostConstruct
    void register() {
        cursor = clock.instant().minus(config.overlap());
        Gauge.builder("kakehashi.ledger.check.discrepancies", unbalancedJournals, AtomicLong::get)
                .tag("kind", "journal")
                .description("Journals that do not sum to zero per currency, as the latest ledger check found")
                .register(meters);
        Gauge.builder("kakehashi.ledger.check.discrepancies", walletMismatches, AtomicLong::get)
                .tag("kind", "wallet")
                .description("Wallets whose balance is not the sum of their postings, as the latest ledger check found")
                .register(meters);
    }

    /** Creates the bean at start, so the gauges are exported (at zero) before the first run. */
    void started(@Observes StartupEvent event) {
        LOG.debugf("ledger self-check from %s", cursor);
    }

    /** The scheduled incremental check: journals since the cursor less the overlap; then the cursor moves on. */
    public synchronized LedgerCheckResult checkRecent() {
        Instant from = cursor.minus(config.overlap());
        LedgerCheckResult result = checkSince(from);
        QuarkusTransaction.requiringNew()
                .call(() -> repository.latestJournal(from))
                .ifPresent(latest -> {
                    if (latest.isAfter(cursor)) {
                        cursor = latest;
                    }
                });
        return result;
    }

    /** Journals created at or after {@code from}, the wallets they touched, and the offenders already known. */
    public synchronized LedgerCheckResult checkSince(Instant from) {
        Set<String> journals = Set.copyOf(knownJournals);
        Set<String> wallets = Set.copyOf(knownWallets);
        int first = config.reportFirst();
        Found<UnbalancedJournal> unbalanced =
                QuarkusTransaction.requiringNew().call(() -> repository.unbalancedJournals(from, journals, first));
        Found<WalletMismatch> mismatches =
                QuarkusTransaction.requiringNew().call(() -> repository.walletMismatches(from, wallets, first));
        return record(Scope.INCREMENTAL, from, unbalanced, mismatches);
    }

    /** Every journal and every wallet (the slow schedule); what it finds replaces what was known. */
    public synchronized LedgerCheckResult checkAll() {
        int first = config.reportFirst();
        Found<UnbalancedJournal> unbalanced =
                QuarkusTransaction.requiringNew().call(() -> repository.allUnbalancedJournals(first));
        Found<WalletMismatch> mismatches =
                QuarkusTransaction.requiringNew().call(() -> repository.allWalletMismatches(first));
        knownJournals.clear();
        knownWallets.clear();
        return record(Scope.FULL, null, unbalanced, mismatches);
    }

    /** The latest run's result, if a check ran on this instance yet. */
    public Optional<LedgerCheckResult> latest() {
        return Optional.ofNullable(latest);
    }

    private LedgerCheckResult record(
            Scope scope, Instant from, Found<UnbalancedJournal> unbalanced, Found<WalletMismatch> mismatches) {
        LedgerCheckResult result = new LedgerCheckResult(
                scope,
                clock.instant(),
                from,
                unbalanced.checked(),
                mismatches.checked(),
                unbalanced.first(),
                unbalanced.total(),
                mismatches.first(),
                mismatches.total());
        // Re-checked on every run until repaired: the listed ones (bounded by reportFirst), replacing the earlier list.
        knownJournals.clear();
        unbalanced.first().forEach(j -> knownJournals.add(j.journalId()));
        knownWallets.clear();
        mismatches.first().forEach(w -> knownWallets.add(w.walletId()));
        unbalancedJournals.set(unbalanced.total());
        walletMismatches.set(mismatches.total());
        latest = result;
        Counter.builder("kakehashi.ledger.check.runs")
                .tag("scope", scope.name().toLowerCase(java.util.Locale.ROOT))
                .tag("result", result.clean() ? "clean" : "discrepancy")
                .description("Ledger self-check runs")
                .register(meters)
                .increment();
        if (result.clean() && scope == Scope.INCREMENTAL) {
            LOG.debugf("%s", result.summary()); // every minute: quiet unless something is off
        } else if (result.clean()) {
            LOG.infof("%s", result.summary());
        } else {
            LOG.errorf("%s", result.summary());
        }
        return result;
    }
}
