package com.kakehashi.wallet.domain;

public enum WalletStatus {
    ACTIVE,
    FROZEN,
    CLOSED
}
