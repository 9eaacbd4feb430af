package com.kakehashi.bank.infra;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "partner_bank")
public class PartnerBankEntity {
    @Id
    public String id;

    public String name;
    public String country;
    public String currency;
    public String bic;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "settlement_account")
    public String settlementAccount;

    @Column(name = "cutoff_schedule")
    public String cutoffSchedule;

    @Column(name = "file_formats")
    public String fileFormats;

    @Column(name = "delivery_channel")
    public String deliveryChannel;

    @Column(name = "delivery_target")
    public String deliveryTarget;

    @Column(name = "settles_from")
    public Instant settlesFrom;

    @jakarta.persistence.Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "minimum_payout_minor")
    public long minimumPayoutMinor;

    public String calendar;

    @Column(name = "zengin_requester_code")
    public String zenginRequesterCode;

    @Column(name = "zengin_requester_name")
    public String zenginRequesterName;
}
