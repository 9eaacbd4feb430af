package com.kakehashi.ledger.application;

import com.kakehashi.ledger.domain.LedgerCheckResult;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The health group "ledger" ({@code /q/health/group/ledger}): DOWN while the latest self-check found a discrepancy,
 * naming the first offending journal and wallet ids. It reports the latest run and queries nothing, so a probe stays
 * cheap; kept out of readiness, because taking instances out of service would not repair a ledger, an operator must.
 */
@ApplicationScoped
@HealthGroup("ledger")
public class LedgerCheckHealth implements HealthCheck {
    @Inject
    LedgerSelfCheck check;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("ledger-self-check").up();
        Optional<LedgerCheckResult> latest = check.latest();
        if (latest.isEmpty()) {
            return response.withData("checked", "not yet on this instance").build();
        }
        LedgerCheckResult result = latest.get();
        response.withData("scope", result.scope().name())
                .withData("checkedAt", result.checkedAt().toString())
                .withData("journalsChecked", result.journalsChecked())
                .withData("walletsChecked", result.walletsChecked())
                .withData("unbalancedJournals", result.unbalancedJournalsTotal())
                .withData("walletMismatches", result.walletMismatchesTotal());
        if (!result.clean()) {
            response.down()
                    .withData(
                            "firstUnbalancedJournals",
                            String.join(
                                    ",",
                                    result.unbalancedJournals().stream()
                                            .map(j -> j.journalId() + " " + j.currency() + " " + j.residueMinor())
                                            .toList()))
                    .withData(
                            "firstWalletMismatches",
                            String.join(
                                    ",",
                                    result.walletMismatches().stream()
                                            .map(w -> w.walletId() + " balance " + w.balanceMinor() + " posted "
                                                    + w.postedMinor())
                                            .toList()));
        }
        return response.build();
    }
}
