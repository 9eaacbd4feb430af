package com.kakehashi.merchant.infra;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "merchant")
public class MerchantEntity {
    @Id
    public UUID id;

    public String name;
    public String city;
    public String country;
    public String currency;
    public String mcc;

    @Column(name = "bank_id")
    public String bankId;

    @Column(name = "payout_account")
    public String payoutAccount;

    @Column(name = "payout_account_holder_kana")
    public String payoutAccountHolderKana;

    public String status;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;
}
