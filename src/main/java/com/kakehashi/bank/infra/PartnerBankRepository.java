package com.kakehashi.bank.infra;

import com.kakehashi.bank.domain.PartnerBank;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PartnerBankRepository implements PanacheRepositoryBase<PartnerBankEntity, String> {

    public List<PartnerBank> all() {
        return listAll(Sort.by("id")).stream().map(PartnerBankRepository::toDomain).toList();
    }

    public Optional<PartnerBank> byId(String id) {
        return findByIdOptional(id).map(PartnerBankRepository::toDomain);
    }

    private static PartnerBank toDomain(PartnerBankEntity e) {
        return new PartnerBank(e.id, e.name, e.country, e.currency, e.bic, ZoneId.of(e.timeZone));
    }
}
