package com.kakehashi.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.common.money.Amounts;
import com.kakehashi.wallet.domain.SpendingPolicy;
import com.kakehashi.wallet.domain.Wallet;
import com.kakehashi.wallet.domain.WalletStatus;
import com.kakehashi.wallet.infra.WalletRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

/**
 * The spending rule is written twice: as SQL in {@link WalletRepository#tryCharge} (atomic, for speed)
 * and as {@link SpendingPolicy#refusal} (to name the rule that refused). On generated wallets and
 * charges, with the boundaries of every limit well represented, the database charges exactly when the
 * domain rule admits the charge. Each case runs on a real wallet row; everything is rolled back.
 */
@QuarkusTest
class SpendingRuleAgreementTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final int CASES = 600;

    @Inject
    WalletRepository wallets;

    @Inject
    com.kakehashi.support.TestClock clock;

    @Inject
    EntityManager em;

    private static final class RollBack extends RuntimeException {
        RollBack() {
            super("roll back the probes", null, false, false);
        }
    }

    record Case(
            WalletStatus status,
            long balance,
            long perPayment,
            long daily,
            LocalDate spendDay,
            long spent,
            long charge) {}

    @Test
    void theDatabaseChargesExactlyWhenTheDomainRuleAdmitsTheCharge() {
        List<Case> cases = cases().sampleStream().limit(CASES).toList();
        List<String> disagreements = new ArrayList<>();
        int[] admitted = {0};
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                compareEach(cases, disagreements, admitted);
                throw new RollBack(); // leaves no probe wallet behind
            });
        } catch (RollBack expected) {
            // every case ran; the transaction rolled back
        }

        assertThat(disagreements).isEmpty();
        assertThat(admitted[0]).as("both outcomes are exercised").isBetween(CASES / 10, CASES - CASES / 10);
    }

    private void compareEach(List<Case> cases, List<String> disagreements, int[] admitted) {
        for (Case c : cases) {
            UUID id = insert(c);
            Wallet wallet = wallets.wallet(id).orElseThrow();
            boolean domainAdmits = SpendingPolicy.refusal(wallet, Amounts.fromMinor(c.charge(), "JPY"), TODAY)
                    .isEmpty();
            boolean databaseCharged = wallets.tryCharge(id, c.charge(), TODAY);
            admitted[0] += domainAdmits ? 1 : 0;
            if (domainAdmits != databaseCharged) {
                disagreements.add(c + ": domain " + domainAdmits + ", database " + databaseCharged);
            }
            em.clear();
        }
    }

    /** Charges near each limit (at it, one over), and anywhere. */
    static Arbitrary<Case> cases() {
        Arbitrary<WalletStatus> status = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(WalletStatus.ACTIVE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(WalletStatus.FROZEN, WalletStatus.CLOSED)));
        Arbitrary<Long> balance = Arbitraries.longs().between(0, 1_000_000);
        Arbitrary<Long> perPayment = Arbitraries.longs().between(1, 300_000);
        Arbitrary<Long> daily = Arbitraries.longs().between(1, 500_000);
        Arbitrary<LocalDate> spendDay =
                Arbitraries.of(TODAY, TODAY.minusDays(1), TODAY.plusDays(1)).injectNull(0.2);
        Arbitrary<Long> spentShare = Arbitraries.longs().between(0, 120);
        return Combinators.combine(status, balance, perPayment, daily, spendDay, spentShare)
                .as((s, b, p, d, day, share) -> new Case(s, b, p, d, day, day == null ? 0 : d * share / 100, 0))
                .flatMap(c -> charges(c)
                        .map(charge -> new Case(
                                c.status(), c.balance(), c.perPayment(), c.daily(), c.spendDay(), c.spent(), charge)));
    }

    private static Arbitrary<Long> charges(Case c) {
        long dailyRoom = c.daily() - (TODAY.equals(c.spendDay()) ? c.spent() : 0);
        return Arbitraries.oneOf(
                Arbitraries.of(
                                c.balance(),
                                c.balance() + 1,
                                c.perPayment(),
                                c.perPayment() + 1,
                                dailyRoom,
                                dailyRoom + 1)
                        .filter(v -> v > 0),
                Arbitraries.longs().between(1, 600_000));
    }

    private UUID insert(Case c) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                insert into wallet (id, owner, currency, status, balance_minor, max_balance_minor,
                    per_payment_limit_minor, daily_limit_minor, spend_day, spent_on_spend_day_minor, created_at)
                values (?1, 'agreement-probe', 'JPY', ?2, ?3, 1000000, ?4, ?5, cast(?6 as date), ?7, ?8)""")
                .setParameter(1, id)
                .setParameter(2, c.status().name())
                .setParameter(3, c.balance())
                .setParameter(4, c.perPayment())
                .setParameter(5, c.daily())
                .setParameter(6, c.spendDay() == null ? null : c.spendDay().toString())
                .setParameter(7, c.spent())
                .setParameter(8, clock.instant())
                .executeUpdate();
        return id;
    }
}
