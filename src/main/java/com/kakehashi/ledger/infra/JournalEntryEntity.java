package com.kakehashi.ledger.infra;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "journal_entry")
public class JournalEntryEntity {
    @Id
    public UUID id;

    public String type;
    public String reference;

    @Column(name = "created_at")
    public Instant createdAt;
}
