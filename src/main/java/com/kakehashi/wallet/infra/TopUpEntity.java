package com.kakehashi.wallet.infra;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "top_up")
public class TopUpEntity {
    @Id
    public UUID id;

    @Column(name = "wallet_id")
    public UUID walletId;

    @Column(name = "bank_link_id")
    public UUID bankLinkId;

    @Column(name = "amount_minor")
    public long amountMinor;

    public String currency;
    public String status;

    @Column(name = "bank_reference")
    public String bankReference;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
