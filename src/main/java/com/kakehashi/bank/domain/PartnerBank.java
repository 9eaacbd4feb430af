package com.kakehashi.bank.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * A partner bank: the Japanese funding bank or a settlement bank. Settlement cut-offs are Quartz cron
 * expressions read in the bank's own time zone; files go through a directory drop or an HTTPS endpoint.
 * {@code calendar} names the business-day calendar it follows (a country code); {@code minimumPayoutMinor}
 * is the smallest net it pays (smaller ones are carried forward); a bank taking Zengin files has the
 * requester code and kana name it gave the house.
 */
public record PartnerBank(
        String id,
        String name,
        String country,
        String currency,
        String bic,
        ZoneId timeZone,
        String settlementAccount,
        List<String> cutoffSchedule,
        Set<FileFormat> fileFormats,
        DeliveryChannel deliveryChannel,
        String deliveryTarget,
        Instant settlesFrom,
        long version,
        long minimumPayoutMinor,
        String calendar,
        String zenginRequesterCode,
        String zenginRequesterName) {

    public enum FileFormat {
        PAIN001,
        CSV,
        ZENGIN
    }

    public enum DeliveryChannel {
        DIRECTORY,
        HTTPS
    }

    public PartnerBank {
        cutoffSchedule = List.copyOf(cutoffSchedule);
        fileFormats = Set.copyOf(fileFormats);
        calendar = calendar == null || calendar.isBlank() ? country : calendar;
        if (minimumPayoutMinor < 0) {
            throw new IllegalArgumentException("a minimum payout is not negative");
        }
    }

    public PartnerBank(
            String id,
            String name,
            String country,
            String currency,
            String bic,
            ZoneId timeZone,
            String settlementAccount,
            List<String> cutoffSchedule,
            Set<FileFormat> fileFormats,
            DeliveryChannel deliveryChannel,
            String deliveryTarget,
            Instant settlesFrom,
            long version) {
        this(
                id,
                name,
                country,
                currency,
                bic,
                timeZone,
                settlementAccount,
                cutoffSchedule,
                fileFormats,
                deliveryChannel,
                deliveryTarget,
                settlesFrom,
                version,
                0,
                country,
                null,
                null);
    }
}
