package com.kakehashi.qr.emv;

import java.util.Arrays;
import java.util.Optional;

/** Tag 01: a static QR is shown for many payments, a dynamic one (usually with an amount) for one. */
public enum PointOfInitiation {
    STATIC("11"),
    DYNAMIC("12");

    private final String code;

    PointOfInitiation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Optional<PointOfInitiation> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
