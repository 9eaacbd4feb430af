package com.kakehashi.settlement.application;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;

/**
 * Where a batch goes: a DIRECTORY target resolved under the outbox, an HTTPS target as registered. The rule
 * is checked again at every delivery (not only when the bank is registered), and a resolved directory must
 * still lie under the outbox, so a row edited in the database cannot send files elsewhere either.
 */
@ApplicationScoped
public class DeliveryTargetResolver {
    @Inject
    PartnerBanks banks;

    @Inject
    SettlementConfig config;

    public String resolve(PartnerBank bank) {
        banks.deliveryTargetRefusal(bank).ifPresent(reason -> {
            throw new IllegalStateException("bank " + bank.id() + ": " + reason);
        });
        if (bank.deliveryChannel() == PartnerBank.DeliveryChannel.HTTPS) {
            return bank.deliveryTarget();
        }
        Path outbox = config.outbox().toAbsolutePath().normalize();
        Path directory = outbox.resolve(bank.deliveryTarget()).normalize();
        if (!directory.startsWith(outbox) || directory.equals(outbox)) {
            throw new IllegalStateException("bank " + bank.id() + ": delivery target leaves the outbox");
        }
        return directory.toString();
    }
}
