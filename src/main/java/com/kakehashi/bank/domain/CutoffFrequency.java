package com.kakehashi.bank.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A cut-off schedule may not fire more often than a configured minimum interval (a cron of every second would
 * make a batch a second). Checked on the schedule's next cut-offs, merged across its expressions.
 */
public final class CutoffFrequency {
    private CutoffFrequency() {}

    /** @param nextCutoffs the schedule's next cut-offs, ascending (a few days' worth) */
    public static Optional<String> refusal(List<Instant> nextCutoffs, Duration minimumInterval) {
        for (int i = 1; i < nextCutoffs.size(); i++) {
            Duration gap = Duration.between(nextCutoffs.get(i - 1), nextCutoffs.get(i));
            if (gap.compareTo(minimumInterval) < 0) {
                return Optional.of("cut-offs " + nextCutoffs.get(i - 1) + " and " + nextCutoffs.get(i) + " are " + gap
                        + " apart; the minimum is " + minimumInterval + " (kakehashi.bank.minimum-cutoff-interval)");
            }
        }
        return Optional.empty();
    }
}
