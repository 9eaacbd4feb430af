package com.kakehashi.wallet.infra;

import com.kakehashi.common.money.Amounts;
import com.kakehashi.common.money.Currencies;
import com.kakehashi.wallet.domain.Wallet;
import com.kakehashi.wallet.domain.WalletLimits;
import com.kakehashi.wallet.domain.WalletStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import javax.money.CurrencyUnit;

@ApplicationScoped
public class WalletRepository implements PanacheRepositoryBase<WalletEntity, UUID> {

    public Optional<Wallet> wallet(UUID id) {
        return findByIdOptional(id).map(WalletRepository::toDomain);
    }

    /**
     * Charges the wallet in one statement through the database's {@code charge_wallet} (migration V9_2):
     * the row lock serialises charges to one wallet and its WHERE clause re-checks status, balance and
     * the day's spend against the committed row, so concurrent payments can never take it below zero or
     * over its limits. False when refused.
     */
    public boolean tryCharge(UUID walletId, long chargeMinor, LocalDate today) {
        return (Boolean) getEntityManager()
                .createNativeQuery("select charge_wallet(?1, ?2, ?3)")
                .setParameter(1, walletId)
                .setParameter(2, chargeMinor)
                .setParameter(3, today)
                .getSingleResult();
    }

    /**
     * Takes the wallet's row lock for the rest of the transaction, before anything of it is read:
     * top-up requests for one wallet queue here, so each one sees the balance and the pending top-ups
     * the previous one committed.
     */
    public void lockForTopUp(UUID walletId) {
        getEntityManager()
                .createNativeQuery("select id from wallet where id = ?1 for update")
                .setParameter(1, walletId)
                .getResultList();
    }

    /** A closed wallet takes no new money: an approved top-up to it is reversed at the bank instead. */
    public boolean isClosed(UUID walletId) {
        return "CLOSED"
                .equals(getEntityManager()
                        .createNativeQuery("select status from wallet where id = ?1")
                        .setParameter(1, walletId)
                        .getSingleResult());
    }

    /** Credits the wallet (confirmed top-up, refund). A credit is never refused: the money has moved. */
    public void credit(UUID walletId, long amountMinor) {
        int rows = getEntityManager()
                .createNativeQuery(
                        "update wallet set balance_minor = balance_minor + ?2, version = version + 1 where id = ?1")
                .setParameter(1, walletId)
                .setParameter(2, amountMinor)
                .executeUpdate();
        if (rows != 1) {
            throw new IllegalStateException("Wallet " + walletId + " vanished while being credited");
        }
    }

    public java.util.List<Wallet> ownedBy(String owner) {
        return find("owner = ?1 order by createdAt", owner).list().stream()
                .map(WalletRepository::toDomain)
                .toList();
    }

    static Wallet toDomain(WalletEntity e) {
        CurrencyUnit currency = Currencies.supported(e.currency);
        WalletLimits limits = new WalletLimits(
                Amounts.fromMinor(e.maxBalanceMinor, currency),
                Amounts.fromMinor(e.perPaymentLimitMinor, currency),
                Amounts.fromMinor(e.dailyLimitMinor, currency));
        return new Wallet(
                e.id,
                e.owner,
                currency,
                WalletStatus.valueOf(e.status),
                Amounts.fromMinor(e.balanceMinor, currency),
                limits,
                e.spendDay,
                Amounts.fromMinor(e.spentOnSpendDayMinor, currency),
                e.createdAt);
    }
}
