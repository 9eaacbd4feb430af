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
    @Column(name = "created_at")
    public Instant createdAt;
}
