package com.kakehashi.wallet.infra;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class BankLinkRepository implements PanacheRepositoryBase<BankLinkEntity, UUID> {
    public Optional<BankLinkEntity> forWallet(UUID walletId) {
        return find("walletId", walletId).firstResultOptional();
    }
}
