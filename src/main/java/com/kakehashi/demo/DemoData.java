package com.kakehashi.demo;

import com.kakehashi.acquiring.sandbox.SandboxAcquirerSeed;
import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.bank.domain.PartnerBank.DeliveryChannel;
import com.kakehashi.bank.domain.PartnerBank.FileFormat;
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
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Seeds the demo once the HTTP server is up (top-ups go through the sandbox bank over HTTP): the two
 * partner banks, merchants in Tokyo, Osaka and Shanghai, and two travellers' wallets with yen in them.
 * Runs once per database: it does nothing when the demo merchants exist. Partner banks are demo data
 * here, never a schema migration's: production registers its banks through {@code /v1/banks}.
 * Does nothing at all unless the runtime profile is demo ({@link DemoProfile}).
 */
@IfBuildProfile("demo")
@ApplicationScoped
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final Caller OPERATOR = new Caller("demo-operator", Set.of(Roles.OPERATOR));

    record DemoMerchant(
            String name, String city, String country, String currency, String mcc, String bank, String payoutAccount) {}

    record DemoTraveller(String subject, String holderName, String accountNumber, long yen) {}

    /** How far seeding got; bin/demo prints tokens only once it is READY. */
    public enum State {
        SEEDING,
        READY,
        FAILED,
        OFF
    }

    /** The Japanese funding bank (top-ups, yen payouts) and the Chinese settlement bank (yuan payouts). */
    static List<PartnerBank> banks(Clock clock) {
        return List.of(
                new PartnerBank(
                        PartnerBanks.FUNDING_BANK_ID,
                        "Kakehashi Funding Bank (Japan)",
                        "JP",
                        "JPY",
                        "KKHSJPJTXXX",
                        ZoneId.of("Asia/Tokyo"),
                        "JP0001-001-7777777",
                        List.of("0 0 18 * * ?"),
                        Set.of(FileFormat.CSV, FileFormat.PAIN001),
                        DeliveryChannel.DIRECTORY,
                        "jp-funding-bank",
                        clock.instant(),
                        0),
                new PartnerBank(
                        "cn-settlement-bank",
                        "Kakehashi Settlement Bank (China)",
                        "CN",
                        "CNY",
                        "KKHSCNSHXXX",
                        ZoneId.of("Asia/Shanghai"),
                        "CN6222020200999999",
                        List.of("0 0 12 * * ?", "0 0 22 * * ?"),
                        Set.of(FileFormat.PAIN001),
                        DeliveryChannel.DIRECTORY,
                        "cn-settlement-bank",
                        clock.instant(),
                        0));
    }

    static final List<DemoMerchant> MERCHANTS = List.of(
            new DemoMerchant("Akihabara Denki", "Tokyo", "JP", "JPY", "5732", "jp-funding-bank", "0001-001-1234567"),
            new DemoMerchant("Shinjuku Konbini", "Tokyo", "JP", "JPY", "5411", "jp-funding-bank", "0001-002-2345678"),
            new DemoMerchant("Namba Depato", "Osaka", "JP", "JPY", "5311", "jp-funding-bank", "0001-101-3456789"),
            new DemoMerchant(
                    "Nanjing Road Tea House",
                    "Shanghai",
                    "CN",
                    "CNY",
                    "5814",
                    "cn-settlement-bank",
                    "6222020200112233445"),
            new DemoMerchant(
                    "Pudong Electronics",
                    "Shanghai",
                    "CN",
                    "CNY",
                    "5732",
                    "cn-settlement-bank",
                    "6222020200556677889"));

    static final List<DemoTraveller> TRAVELLERS = List.of(
            new DemoTraveller("demo-traveller", "ヤマダ タロウ", "1234567", 50_000),
            new DemoTraveller("yuki", "SATO YUKI", "7654321", 120_000));

    @Inject
    PartnerBanks partnerBanks;

    @Inject
    Clock clock;

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

    @Inject
    SandboxAcquirerSeed acquirerSeed;

    private volatile State state = State.SEEDING;

    /** Quarkus fires the server-start event asynchronously; the seed calls the sandbox bank over HTTP. */
    void onHttpStarted(@ObservesAsync HttpServerStart started) {
        if (!DemoProfile.active()) {
            state = State.OFF;
            LOG.error(
                    "A demo build started outside the demo profile: demo endpoints, sandbox bank and demo data stay off");
            return;
        }
        Thread.ofVirtual().name("demo-seed").start(this::seedIfEmpty);
    }

    public State state() {
        return state;
    }

    void seedIfEmpty() {
        try {
            seedBanks();
            seedRates(); // idempotent: an already imported snapshot is recognised, not doubled
            if (alreadySeeded()) {
                LOG.info("Demo data present; not seeding again");
                acquirerSeed.seedAfterBanks(); // an older database may lack it
                state = State.READY;
                return;
            }
            for (DemoMerchant m : MERCHANTS) {
                Merchant merchant = merchants.register(MerchantRegistration.of(
                        m.name(), m.city(), m.country(), m.currency(), m.mcc(), m.bank(), m.payoutAccount()));
                LOG.infof(
                        "Demo merchant %s (%s, %s): id %s%n  static QR: %s",
                        merchant.name(),
                        merchant.city(),
                        merchant.currency().getCurrencyCode(),
                        merchant.id(),
                        qrCodes.payloadFor(
                                com.kakehashi.merchant.application.PrintedOnQr.of(merchant), Optional.empty()));
            }
            for (DemoTraveller t : TRAVELLERS) {
                Caller traveller = new Caller(t.subject(), Set.of(Roles.TRAVELLER));
                Wallet wallet = wallets.open(traveller);
                wallets.linkBankAccount(
                        traveller,
                        wallet.id(),
                        new JapaneseBankAccount(
                                "0001",
                                "001",
                                JapaneseBankAccount.AccountType.ORDINARY,
                                t.accountNumber(),
                                t.holderName()));
                var topUp = topUps.request(
                        traveller,
                        wallet.id(),
                        "demo-seed-" + wallet.id(),
                        Amounts.parsePositive(Long.toString(t.yen()), "JPY"));
                LOG.infof("Demo wallet of %s: id %s, top-up %s %s", t.subject(), wallet.id(), t.yen(), topUp.status());
            }
            // After the banks (its settlement bank is one) and the merchants (its payee is listed after them).
            acquirerSeed.seedAfterBanks();
            state = State.READY;
        } catch (RuntimeException | java.io.IOException e) {
            state = State.FAILED;
            LOG.error("Demo seeding failed", e);
        }
    }

    /** Registers the demo's partner banks that the database does not have yet (an older one may have them). */
    private void seedBanks() {
        Set<String> present = new java.util.HashSet<>();
        partnerBanks.all().forEach(b -> present.add(b.id()));
        for (PartnerBank bank : banks(clock)) {
            if (!present.contains(bank.id())) {
                partnerBanks.register(bank);
                LOG.infof("Demo partner bank %s registered", bank.id());
            }
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
        return merchants.list(0, 100).stream()
                .anyMatch(m -> m.name().equals(MERCHANTS.get(0).name()));
    }
}
