package com.kakehashi.settlement.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

@ConfigMapping(prefix = "kakehashi.settlement")
public interface SettlementConfig {
    /** Merchant fee in basis points of gross sales, kept at settlement (rounded down). */
    @WithDefault("0")
    int merchantFeeBps();

    /**
     * How long before a cut-off a payment may be dated yet commit after it (bounded by the transaction
     * timeout): the next window looks back this far beyond the previous cut-off, and never further.
     */
    @WithDefault("PT10M")
    java.time.Duration lateCommitMargin();

    /** Root for DIRECTORY deliveries whose target is a relative path. */
    @WithDefault("target/settlement-outbox")
    Path outbox();

    /** How often the clustered scheduler looks for due cut-offs (Quartz cron; "off" disables). */
    @WithDefault("0 * * * * ?")
    String tick();

    /** At most this many missed cut-offs per bank are caught up in one tick (the rest in the next). */
    @WithDefault("50")
    int maxCatchUp();

    /**
     * The longest a delivery may hold its batch's row lock (the transaction timeout of the send): covers every
     * file's HTTPS attempts (15 s each, 4 attempts) with room to spare.
     */
    @WithDefault("PT5M")
    java.time.Duration deliveryTimeout();
}
