package com.kakehashi.demo;

import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.security.Caller;
import com.kakehashi.common.security.Roles;
import com.kakehashi.fx.application.FxImports;
import com.kakehashi.merchant.application.Merchants;
import com.kakehashi.merchant.domain.Merchant;
import com.kakehashi.merchant.domain.MerchantRegistration;
import com.kakehashi.qr.application.MerchantQrCodes;
import com.kakehashi.wallet.application.TopUps;
import com.kakehashi.wallet.application.Wallets;
import com.kakehashi.wallet.domain.JapaneseBankAccount;
import com.kakehashi.wallet.domain.Wallet;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Seeds the demo once the HTTP server is up (top-ups go through the sandbox bank over HTTP):
 * merchants in Tokyo, Osaka and Shanghai, and two travellers' wallets with yen in them.
 * Runs once per database: it does nothing when the demo merchants exist.
 */
@IfBuildProfile("demo")
@ApplicationScoped
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final Caller OPERATOR = new Caller("demo-operator", Set.of(Roles.OPERATOR));

    record DemoMerchant(String name, String city, String country, String currency, String mcc, String bank,
            String payoutAccount) {
    }

    record DemoTraveller(String subject, String holderName, String accountNumber, long yen) {
    }

    static final List<DemoMerchant> MERCHANTS = List.of(
            new DemoMerchant("Akihabara Denki", "Tokyo", "JP", "JPY", "5732", "jp-funding-bank", "0001-001-1234567"),
            new DemoMerchant("Shinjuku Konbini", "Tokyo", "JP", "JPY", "5411", "jp-funding-bank", "0001-002-2345678"),
            new DemoMerchant("Namba Depato", "Osaka", "JP", "JPY", "5311", "jp-funding-bank", "0001-101-3456789"),
            new DemoMerchant("Nanjing Road Tea House", "Shanghai", "CN", "CNY", "5814", "cn-settlement-bank",
                    "6222020200112233445"),
            new DemoMerchant("Pudong Electronics", "Shanghai", "CN", "CNY", "5732", "cn-settlement-bank",
                    "6222020200556677889"));

    static final List<DemoTraveller> TRAVELLERS = List.of(
            new DemoTraveller("demo-traveller", "ヤマダ タロウ", "1234567", 50_000),
            new DemoTraveller("yuki", "SATO YUKI", "7654321", 120_000));

    @Inject
    Merchants merchants;
    @Inject
    Wallets wallets;
    @Inject
    TopUps topUps;
    @Inject
    MerchantQrCodes qrCodes;
    @Inject
    FxImports fxImports;

    /** Quarkus fires the server-start event asynchronously; the seed calls the sandbox bank over HTTP. */
    void onHttpStarted(@ObservesAsync HttpServerStart started) {
        Thread.ofVirtual().name("demo-seed").start(this::seedIfEmpty);
    }

    void seedIfEmpty() {
        try {
            seedRates(); // idempotent: an already imported snapshot is recognised, not doubled
            if (alreadySeeded()) {
                LOG.info("Demo data present; not seeding again");
                return;
            }
            for (DemoMerchant m : MERCHANTS) {
                Merchant merchant = merchants.register(MerchantRegistration.of(m.name(), m.city(), m.country(),
                        m.currency(), m.mcc(), m.bank(), m.payoutAccount()));
                LOG.infof("Demo merchant %s (%s, %s): id %s%n  static QR: %s", merchant.name(), merchant.city(),
                        merchant.currency().getCurrencyCode(), merchant.id(), qrCodes.payloadFor(merchant, Optional.empty()));
            }
            for (DemoTraveller t : TRAVELLERS) {
                Caller traveller = new Caller(t.subject(), Set.of(Roles.TRAVELLER));
                Wallet wallet = wallets.open(traveller);
                wallets.linkBankAccount(traveller, wallet.id(), new JapaneseBankAccount("0001", "001",
                        JapaneseBankAccount.AccountType.ORDINARY, t.accountNumber(), t.holderName()));
                var topUp = topUps.request(traveller, wallet.id(), "demo-seed-" + wallet.id(),
                        Amounts.parsePositive(Long.toString(t.yen()), "JPY"));
                LOG.infof("Demo wallet of %s: id %s, top-up %s %s", t.subject(), wallet.id(), t.yen(), topUp.status());
            }
        } catch (RuntimeException | java.io.IOException e) {
            LOG.error("Demo seeding failed", e);
        }
    }

    /** The shipped ECB snapshot: JPY/CNY prices go through EUR (1 CNY = 161.20 / 7.5870 JPY). */
    private void seedRates() throws java.io.IOException {
        try (var in = DemoData.class.getResourceAsStream("/fx/demo-eurofxref.xml")) {
            var report = fxImports.importFile(FxImports.Format.ECB, in.readAllBytes(), null, "demo-seed");
            LOG.infof("Demo FX snapshot: %s", report.result());
        }
    }

    private boolean alreadySeeded() {
        return merchants.list(0, 100).stream().anyMatch(m -> m.name().equals(MERCHANTS.get(0).name()));
    }
}
