package com.kakehashi.qr.emv;

import java.util.List;
import java.util.Optional;

/**
 * Merchant account information: either a primitive value in tags 02-25 (card networks, e.g. UnionPay in 15)
 * or a template in tags 26-51 whose sub-tag 00 is a globally unique identifier of the payment system.
 */
public record MerchantAccountInfo(
        String tag, String primitiveValue, String globallyUniqueId, List<DataObject> subObjects) {
    public MerchantAccountInfo {
        subObjects = subObjects == null ? List.of() : List.copyOf(subObjects);
    }

    public static MerchantAccountInfo primitive(String tag, String value) {
        return new MerchantAccountInfo(tag, value, null, List.of());
    }

    /** A template; {@code subObjects} are those after the identifier (sub-tags 01-99). */
    public static MerchantAccountInfo template(String tag, String globallyUniqueId, List<DataObject> subObjects) {
        return new MerchantAccountInfo(tag, null, globallyUniqueId, subObjects);
    }

    public boolean isTemplate() {
        return primitiveValue == null;
    }

    public Optional<String> subValue(String subTag) {
        return subObjects.stream()
                .filter(o -> o.tag().equals(subTag))
                .map(DataObject::value)
                .findFirst();
    }
}
