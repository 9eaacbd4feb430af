package com.kakehashi.ledger.infra;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "ledger_account")
public class LedgerAccountEntity {
    @Id
    public UUID id;

    public String type;

    @Column(name = "owner_ref")
    public String ownerRef;

    public String currency;

    @Column(name = "created_at")
    public Instant createdAt;
}
