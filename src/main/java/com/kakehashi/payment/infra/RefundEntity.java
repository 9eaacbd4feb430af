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
    /** The rate the refunded price was converted at (the payment's, or the market's under that policy). */
    public java.math.BigDecimal rate;

    @Column(name = "rate_policy")
    public String ratePolicy;

    @Column(name = "fx_difference_minor")
    public long fxDifferenceMinor;

    @Column(name = "fee_returned_minor")
    public long feeReturnedMinor;
}
