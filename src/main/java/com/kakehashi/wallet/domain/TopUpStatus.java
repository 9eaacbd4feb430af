package com.kakehashi.wallet.domain;

/** PENDING until the funding bank gives a definite answer; COMPLETED credits the wallet exactly once. */
public enum TopUpStatus {
    PENDING,
    COMPLETED,
    DECLINED
}
