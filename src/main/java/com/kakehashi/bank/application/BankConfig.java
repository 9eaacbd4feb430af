package com.kakehashi.bank.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Operator guard rails for the partner bank registry. */
@ConfigMapping(prefix = "kakehashi.bank")
public interface BankConfig {
    /** Host names an HTTPS delivery target may point at (the banks' registered file intakes); none by default. */
    Optional<List<String>> deliveryHosts();

    /** Plain http to a registered host (tests and the local sandbox only; production keeps https). */
    @WithDefault("false")
    boolean plainHttpDelivery();

    /** A bank's cut-offs are at least this far apart. */
    @WithDefault("PT1H")
    Duration minimumCutoffInterval();

    /** Shipped business-day calendars, loaded at start: resources calendars/<name>.csv. */
    @WithDefault("JP-2026,JP-2027,CN-2026,CN-2027")
    List<String> calendarFiles();
}
