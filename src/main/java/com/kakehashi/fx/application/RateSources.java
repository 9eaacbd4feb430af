package com.kakehashi.fx.application;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.FxRate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Who may publish what through a rate file: a partner bank only when it is registered (the bank feature's
 * registry) and only for the pairs of its own corridors (typed config, {@code kakehashi.fx.sources.bank-corridors}),
 * and no file may date a rate further ahead than a small clock skew.
 */
@ApplicationScoped
public class RateSources {
    @Inject
    PartnerBanks banks;

    @Inject
    FxConfig config;

    @Inject
    Clock clock;

    /** Refuses the whole file unless the bank is registered and every pair is one of its corridors. */
    public void requireBankMayPublish(String bankId, List<FxRate> rates) {
        if (!isRegistered(bankId)) {
            throw new BusinessException(
                    ErrorCode.FX_SOURCE_NOT_ALLOWED, "'" + bankId + "' is not a registered partner bank");
        }
        List<String> corridors = config.sources().bankCorridors().getOrDefault(bankId, List.of());
        for (FxRate rate : rates) {
            if (!inCorridors(rate.pair(), corridors)) {
                throw new BusinessException(
                        ErrorCode.FX_SOURCE_NOT_ALLOWED,
                        "bank '" + bankId + "' may not publish " + rate.pair()
                                + (corridors.isEmpty()
                                        ? ": it publishes no rates"
                                        : "; its corridors are " + corridors));
            }
        }
    }

    /** Refuses the whole file when a rate takes effect later than now plus the allowed skew. */
    public void requireNotFutureDated(List<FxRate> rates) {
        Instant latest = clock.instant().plus(config.sources().maxFutureSkew());
        for (FxRate rate : rates) {
            if (rate.validFrom().isAfter(latest)) {
                throw new BusinessException(
                        ErrorCode.FX_RATE_FUTURE_DATED,
                        rate.pair() + " valid from " + rate.validFrom() + " lies beyond now + "
                                + config.sources().maxFutureSkew() + " (" + latest + ")");
            }
        }
    }

    static boolean inCorridors(CurrencyPair pair, List<String> corridors) {
        String forward = pair.base() + "-" + pair.quote();
        String backward = pair.quote() + "-" + pair.base();
        return corridors.stream().map(String::strip).anyMatch(c -> c.equals(forward) || c.equals(backward));
    }

    private boolean isRegistered(String bankId) {
        if (bankId == null || bankId.isBlank()) {
            return false;
        }
        try {
            banks.byId(bankId);
            return true;
        } catch (BusinessException e) {
            if (e.errorCode() == ErrorCode.BANK_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
