package com.kakehashi.qr.emv;

import java.util.Objects;

/** One EMVCo data object: a two-digit tag and its value (for templates, the encoded sub-objects). */
public record DataObject(String tag, String value) {
    public DataObject {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(value, "value");
    }
}
