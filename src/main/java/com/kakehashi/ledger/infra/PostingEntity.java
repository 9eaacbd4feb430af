package com.kakehashi.ledger.infra;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "posting")
public class PostingEntity {
    @Id
    public UUID id;

    @Column(name = "journal_id")
    public UUID journalId;

    @Column(name = "account_id")
    public UUID accountId;

    public String currency;

    @Column(name = "amount_minor")
    public long amountMinor;

    @Column(name = "created_at")
    public Instant createdAt;
}
