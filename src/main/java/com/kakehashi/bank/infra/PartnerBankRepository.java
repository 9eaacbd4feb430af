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
        return listAll(Sort.by("id")).stream()
                .map(PartnerBankRepository::toDomain)
                .toList();
    }

    public Optional<PartnerBank> byId(String id) {
        return findByIdOptional(id).map(PartnerBankRepository::toDomain);
    }

    static PartnerBank toDomain(PartnerBankEntity e) {
        return new PartnerBank(
                e.id,
                e.name,
                e.country,
                e.currency,
                e.bic,
                ZoneId.of(e.timeZone),
                e.settlementAccount,
                List.of(e.cutoffSchedule.split(";")),
                java.util.Arrays.stream(e.fileFormats.split(","))
                        .map(PartnerBank.FileFormat::valueOf)
                        .collect(java.util.stream.Collectors.toSet()),
                PartnerBank.DeliveryChannel.valueOf(e.deliveryChannel),
                e.deliveryTarget,
                e.settlesFrom,
                e.version,
                e.minimumPayoutMinor,
                e.calendar,
                e.zenginRequesterCode,
                e.zenginRequesterName);
    }

    /** Writes the bank's fields onto a (new or managed) entity. */
    public static void copy(PartnerBank bank, PartnerBankEntity e) {
        e.id = bank.id();
        e.name = bank.name();
        e.country = bank.country();
        e.currency = bank.currency();
        e.bic = bank.bic();
        e.timeZone = bank.timeZone().getId();
        e.settlementAccount = bank.settlementAccount();
        e.cutoffSchedule = String.join(";", bank.cutoffSchedule());
        e.fileFormats =
                bank.fileFormats().stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(","));
        e.deliveryChannel = bank.deliveryChannel().name();
        e.deliveryTarget = bank.deliveryTarget();
        e.settlesFrom = bank.settlesFrom();
        e.minimumPayoutMinor = bank.minimumPayoutMinor();
        e.calendar = bank.calendar();
        e.zenginRequesterCode = bank.zenginRequesterCode();
        e.zenginRequesterName = bank.zenginRequesterName();
    }
}
