package com.kakehashi.payment.infra;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "refund")
public class RefundEntity {
    @Id
    public UUID id;
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "price_minor")
    public long priceMinor;
    @Column(name = "price_currency")
    public String priceCurrency;
    @Column(name = "charge_minor")
    public long chargeMinor;
    @Column(name = "charge_currency")
    public String chargeCurrency;
    @Column(name = "created_at")
    public Instant createdAt;
}
