package com.kakehashi.payment.infra;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "payment")
public class PaymentEntity {
    @Id
    public UUID id;

    @Column(name = "quote_id")
    public UUID quoteId;

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

    @Column(name = "fee_minor")
    public long feeMinor;

    @Column(name = "refunded_price_minor")
    public long refundedPriceMinor;

    @Column(name = "refunded_charge_minor")
    public long refundedChargeMinor;

    public String status;

    @Column(name = "captured_at")
    public Instant capturedAt;

    @Version
    public long version;
}
