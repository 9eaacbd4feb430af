package com.kakehashi.fx.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.FxRate;
import com.kakehashi.fx.domain.PendingRate;
import com.kakehashi.fx.domain.Plausibility;
import com.kakehashi.fx.infra.FxRateRepository;
import com.kakehashi.fx.infra.PendingRateRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The gate every rate passes, whatever its source (operator, ECB import, bank file): a figure within the
 * plausibility band of the rate in force is published; one outside it is held for a second operator
 * ({@link HeldRates}) and changes no price until approved. A file is handled in one transaction: all of it
 * is published or held, or nothing is.
 */
@ApplicationScoped
public class RateSubmissions {
    @Inject
    FxRates rates;

    @Inject
    PendingRateRepository pending;

    @Inject
    FxConfig config;

    @Inject
    Clock clock;

    /** What became of one submitted rate. */
    public sealed interface Submission {}

    /** In force now (created), or these figures were already published (not created). */
    public record Published(FxRate rate, boolean created) implements Submission {}

    /** Outside the band: waiting for a second operator. */
    public record Held(PendingRate pending) implements Submission {}

    public record ImportResult(int received, int stored, int alreadyKnown, List<PendingRate> held) {}

    public Submission submit(FxRate rate, String submittedBy) {
        List<Submission> outcome = submitAll(List.of(rate), submittedBy);
        return outcome.getFirst();
    }

    public ImportResult importAll(List<FxRate> file, String submittedBy) {
        List<Submission> outcome = submitAll(file, submittedBy);
        int created = (int) outcome.stream()
                .filter(s -> s instanceof Published p && p.created())
                .count();
        List<PendingRate> held = outcome.stream()
                .filter(Held.class::isInstance)
                .map(s -> ((Held) s).pending())
                .toList();
        return new ImportResult(file.size(), created, file.size() - created - held.size(), held);
    }

    private List<Submission> submitAll(List<FxRate> submitted, String submittedBy) {
        rates.refresh(); // the band compares with what every instance has committed, not only this one
        Instant now = clock.instant();
        List<Submission> outcome = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> heldBySource = new HashMap<>();
            List<Submission> each = new ArrayList<>();
            for (FxRate rate : submitted) {
                each.add(submitOne(rate, submittedBy, now, heldBySource));
            }
            return each;
        });
        rates.learn(outcome.stream()
                .filter(Published.class::isInstance)
                .map(s -> ((Published) s).rate())
                .toList());
        return outcome;
    }

    private Submission submitOne(FxRate rate, String submittedBy, Instant now, Map<String, Long> heldBySource) {
        java.util.Optional<FxRate> known = rates.alreadyPublished(rate);
        if (known.isPresent()) {
            return new Published(known.get(), false);
        }
        Plausibility.Assessment assessment = rates.plausibility().assess(rate, now, bandBps(rate.pair()));
        if (assessment instanceof Plausibility.Outside outside) {
            return new Held(hold(rate, submittedBy, outside, heldBySource));
        }
        FxRateRepository.Insertion insertion = rates.store(rate, submittedBy);
        return new Published(insertion.stored().rate(), insertion.inserted());
    }

    private PendingRate hold(
            FxRate rate, String submittedBy, Plausibility.Outside outside, Map<String, Long> heldBySource) {
        long alreadyHeld = heldBySource.computeIfAbsent(rate.source(), pending::countHeld);
        if (alreadyHeld >= config.band().maxHeldPerSource()) {
            throw new BusinessException(
                    ErrorCode.FX_RATE_OUT_OF_BAND,
                    rate.pair() + " " + rate.mid().toPlainString()
                            + " is " + outside.deviationBps() + " bps from the rate in force (band ±"
                            + outside.bandBps()
                            + " bps) and " + rate.source() + " already has " + alreadyHeld
                            + " rates waiting for approval");
        }
        PendingRate stored = pending.holdIfAbsent(PendingRate.held(UUID.randomUUID(), rate, submittedBy, outside));
        FxRates.requireSameFigures(stored.rate(), rate);
        heldBySource.put(rate.source(), alreadyHeld + 1);
        return stored;
    }

    /** The corridor's band when configured (either direction of the pair), else the default. */
    int bandBps(CurrencyPair pair) {
        Map<String, Integer> byCorridor = config.band().corridorBps();
        Integer band = byCorridor.get(pair.base() + "-" + pair.quote());
        if (band == null) {
            band = byCorridor.get(pair.quote() + "-" + pair.base());
        }
        return band == null ? config.band().defaultBps() : band;
    }
}
