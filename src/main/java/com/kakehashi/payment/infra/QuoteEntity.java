package com.kakehashi.payment.infra;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "quote")
public class QuoteEntity {
    @Id
    public UUID id;

    @Column(name = "wallet_id")
    public UUID walletId;

    public String owner;

    @Column(name = "merchant_id")
    public UUID merchantId;

    @Column(name = "price_minor")
    public long priceMinor;

    @Column(name = "price_currency")
    public String priceCurrency;

    @Column(name = "charge_minor")
    public long chargeMinor;

    @Column(name = "charge_currency")
    public String chargeCurrency;

    public BigDecimal rate;
    public BigDecimal spread;

    @Column(name = "mid_rate")
    public BigDecimal midRate;

    @Column(name = "spread_bps")
    public int spreadBps;

    @Column(name = "fee_minor")
    public long feeMinor;

    @Column(name = "rate_time")
    public Instant rateTime;

    @Column(name = "rate_path")
    public String ratePath;

    @Column(name = "rate_source")
    public String rateSource;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "created_at")
    public Instant createdAt;
}
