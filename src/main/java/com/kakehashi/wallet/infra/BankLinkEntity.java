package com.kakehashi.wallet.infra;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "bank_link")
public class BankLinkEntity {
    @Id
    public UUID id;

    @Column(name = "wallet_id")
    public UUID walletId;

    @Column(name = "funding_bank_id")
    public String fundingBankId;

    @Column(name = "bank_code")
    public String bankCode;

    @Column(name = "branch_code")
    public String branchCode;

    @Column(name = "account_type")
    public String accountType;

    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "holder_name")
    public String holderName;

    @Column(name = "created_at")
    public Instant createdAt;
}
