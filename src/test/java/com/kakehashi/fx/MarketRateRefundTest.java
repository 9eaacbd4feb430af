package com.kakehashi.fx;

import static com.kakehashi.support.Fixtures.aMerchantInShanghai;
import static com.kakehashi.support.Fixtures.aTravellerSubject;
import static com.kakehashi.support.Fixtures.aWalletWithYen;
import static com.kakehashi.support.Fixtures.balanceOf;
import static com.kakehashi.support.Fixtures.pay;
import static com.kakehashi.support.Fixtures.quote;
import static com.kakehashi.support.Fixtures.refund;
import static com.kakehashi.support.Fixtures.staticQr;
import static com.kakehashi.support.FxFixtures.aRateInForceNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.ledger.domain.LedgerAccounts;
import com.kakehashi.support.LedgerChecks;
import com.kakehashi.support.NonDefaultSettings;
import com.kakehashi.support.TestClock;
import com.kakehashi.support.WireMockBank;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Under the MARKET_RATE refund policy the yen returned follow today's rate; the gap is FX gain or loss. */
@QuarkusTest
@QuarkusTestResource(WireMockBank.class)
@TestProfile(NonDefaultSettings.class) // refunds at the market rate
class MarketRateRefundTest {
    @Inject
    LedgerChecks ledger;

    @Inject
    TestClock clock;

    @Test
    void aRefundAfterTheYuanWeakenedReturnsFewerYenAndBooksTheGain() {
        String traveller = aTravellerSubject();
        String walletId = aWalletWithYen(traveller, 10_000);
        String merchant = aMerchantInShanghai();
        aRateInForceNow("CNY", "JPY", "21.2469", clock.instant());
        String quoteToken = quote(traveller, walletId, staticQr(merchant), "128.50", "CNY")
                .then()
                .statusCode(201)
                .body("charge.amount", equalTo("2744"))
                .extract()
                .path("token");
        String paymentId = pay(traveller, quoteToken, UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        long gainBefore = ledger.postingSum(LedgerAccounts.fxGainLoss("JPY").toString());
        aRateInForceNow("CNY", "JPY", "20.00", clock.instant());
        // 128.50 × 20.00 × 1.0050 = 2582.85 -> 2582 yen back; 2744 - 2582 = 162 yen of FX gain
        refund(merchant, paymentId, "128.50", "CNY", UUID.randomUUID().toString())
                .then()
                .statusCode(201)
                .body("charge.amount", equalTo("2582"))
                .body("ratePolicy", equalTo("MARKET_RATE"))
                .body("rate", equalTo("20.1"))
                .body("fxDifference.amount", equalTo("162"))
                .body("paymentStatus", equalTo("REFUNDED"));
        assertThat(balanceOf(traveller, walletId)).isEqualTo(Long.toString(10_000 - 2744 + 2582));
        assertThat(ledger.postingSum(LedgerAccounts.fxGainLoss("JPY").toString()) - gainBefore)
                .isEqualTo(162);
        ledger.walletBalanceMatchesPostings(walletId);
        ledger.everyJournalBalances();
    }
}
