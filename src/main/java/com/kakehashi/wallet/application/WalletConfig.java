package com.kakehashi.wallet.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Default limits for new wallets, in whole yen, and the zone whose calendar day the daily limit counts. */
@ConfigMapping(prefix = "kakehashi.wallet")
public interface WalletConfig {
    @WithDefault("1000000")
    long maxBalance();

    @WithDefault("300000")
    long perPaymentLimit();

    @WithDefault("500000")
    long dailySpendLimit();

    @WithDefault("Asia/Tokyo")
    ZoneId businessZone();
}
