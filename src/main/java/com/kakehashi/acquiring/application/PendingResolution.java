package com.kakehashi.acquiring.application;

import com.kakehashi.acquiring.domain.Resolution;
import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.Optional;

/**
 * The merchant code resolved while a quote is being made, held for the rest of that transaction so that the quote
 * (whose id exists only once it is stored) can be linked to the acquirer and merchant.
 */
@TransactionScoped
public class PendingResolution implements Serializable {
    private String acquirerId;
    private transient Resolution resolution;

    void hold(String acquirerId, Resolution resolution) {
        this.acquirerId = acquirerId;
        this.resolution = resolution;
    }

    Optional<Resolution> resolution() {
        return Optional.ofNullable(resolution);
    }

    String acquirerId() {
        return acquirerId;
    }

    void clear() {
        this.acquirerId = null;
        this.resolution = null;
    }
}
