package com.kakehashi.wallet.infra;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "wallet")
public class WalletEntity {
    @Id
    public UUID id;

    public String owner;
    public String currency;
    public String status;

    @Column(name = "balance_minor")
    public long balanceMinor;

    @Column(name = "max_balance_minor")
    public long maxBalanceMinor;

    @Column(name = "per_payment_limit_minor")
    public long perPaymentLimitMinor;

    @Column(name = "daily_limit_minor")
    public long dailyLimitMinor;

    @Column(name = "spend_day")
    public LocalDate spendDay;

    @Column(name = "spent_on_spend_day_minor")
    public long spentOnSpendDayMinor;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;
}
