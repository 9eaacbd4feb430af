package com.kakehashi.merchant.domain;

public enum MerchantStatus {
    ACTIVE,
    SUSPENDED
}
