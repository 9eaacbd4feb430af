package com.kakehashi.bank.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * A partner bank: the Japanese funding bank or a settlement bank. Settlement cut-offs are Quartz cron
 * expressions read in the bank's own time zone; files go through a directory drop or an HTTPS endpoint.
 */
public record PartnerBank(String id, String name, String country, String currency, String bic, ZoneId timeZone,
        String settlementAccount, List<String> cutoffSchedule, Set<FileFormat> fileFormats, DeliveryChannel deliveryChannel,
        String deliveryTarget, Instant settlesFrom, long version) {

    public enum FileFormat {
        PAIN001, CSV
    }

    public enum DeliveryChannel {
        DIRECTORY, HTTPS
    }

    public PartnerBank {
        cutoffSchedule = List.copyOf(cutoffSchedule);
        fileFormats = Set.copyOf(fileFormats);
    }
}
