package com.kakehashi.merchant.infra;

import com.kakehashi.common.money.Currencies;
import com.kakehashi.merchant.domain.Merchant;
import com.kakehashi.merchant.domain.MerchantStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MerchantRepository implements PanacheRepositoryBase<MerchantEntity, UUID> {
    public Optional<Merchant> merchant(UUID id) {
        return findByIdOptional(id).map(MerchantRepository::toDomain);
    }

    public java.util.List<Merchant> page(int offset, int limit) {
        return getEntityManager()
                .createQuery("from MerchantEntity order by createdAt, id", MerchantEntity.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(MerchantRepository::toDomain)
                .toList();
    }

    /** How many merchants there are (the console's pager). */
    public long total() {
        return count();
    }

    /** Writes the registration's editable details onto the entity (id, country, currency and status stay). */
    public static void copy(com.kakehashi.merchant.domain.MerchantRegistration r, MerchantEntity e) {
        e.name = r.name();
        e.city = r.city();
        e.mcc = r.mcc();
        e.bankId = r.bankId();
        e.payoutAccount = r.payoutAccount();
        e.payoutAccountHolderKana = r.payoutAccountHolderKana();
    }

    static Merchant toDomain(MerchantEntity e) {
        return new Merchant(
                e.id,
                e.name,
                e.city,
                e.country,
                Currencies.supported(e.currency),
                e.mcc,
                e.bankId,
                e.payoutAccount,
                MerchantStatus.valueOf(e.status),
                e.createdAt,
                e.payoutAccountHolderKana,
                e.version);
    }
}
