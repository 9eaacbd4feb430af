package com.kakehashi.qr.emv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decoded EMVCo merchant-presented mode QR. Values are kept as the text the payload carries
 * (the amount, for instance, stays "390.8"): interpreting them is the caller's business.
 *
 * @param tipOrConvenienceIndicator tag 55: 01 prompt for tip, 02 fixed fee (tag 56), 03 percentage fee (tag 57)
 * @param otherTags                 tags in reserved or unreserved ranges this model does not name, kept verbatim
 * @param crc                       tag 63 as carried (decoded) or computed (encoded)
 */
public record MerchantPresentedQr(
        String payloadFormatIndicator,
        PointOfInitiation pointOfInitiation,
        List<MerchantAccountInfo> merchantAccounts,
        String merchantCategoryCode,
        String transactionCurrency,
        String transactionAmount,
        String tipOrConvenienceIndicator,
        String convenienceFeeFixed,
        String convenienceFeePercentage,
        String countryCode,
        String merchantName,
        String merchantCity,
        String postalCode,
        List<DataObject> additionalData,
        List<DataObject> merchantInformationLanguage,
        List<DataObject> otherTags,
        String crc) {

    public MerchantPresentedQr {
        merchantAccounts = List.copyOf(merchantAccounts);
        additionalData = additionalData == null ? List.of() : List.copyOf(additionalData);
        merchantInformationLanguage =
                merchantInformationLanguage == null ? List.of() : List.copyOf(merchantInformationLanguage);
        otherTags = otherTags == null ? List.of() : List.copyOf(otherTags);
    }

    public boolean isDynamic() {
        return pointOfInitiation == PointOfInitiation.DYNAMIC;
    }

    /** The template carrying the given globally unique identifier, if any. */
    public Optional<MerchantAccountInfo> merchantAccount(String globallyUniqueId) {
        return merchantAccounts.stream()
                .filter(a -> globallyUniqueId.equals(a.globallyUniqueId()))
                .findFirst();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a QR to encode; payload format "01" unless told otherwise. */
    public static final class Builder {
        private String payloadFormatIndicator = "01";
        private PointOfInitiation pointOfInitiation;
        private final List<MerchantAccountInfo> merchantAccounts = new ArrayList<>();
        private String merchantCategoryCode;
        private String transactionCurrency;
        private String transactionAmount;
        private String tipOrConvenienceIndicator;
        private String convenienceFeeFixed;
        private String convenienceFeePercentage;
        private String countryCode;
        private String merchantName;
        private String merchantCity;
        private String postalCode;
        private final List<DataObject> additionalData = new ArrayList<>();
        private final List<DataObject> merchantInformationLanguage = new ArrayList<>();
        private final List<DataObject> otherTags = new ArrayList<>();

        private Builder() {}

        public Builder payloadFormatIndicator(String value) {
            this.payloadFormatIndicator = value;
            return this;
        }

        public Builder pointOfInitiation(PointOfInitiation value) {
            this.pointOfInitiation = value;
            return this;
        }

        public Builder merchantAccount(MerchantAccountInfo value) {
            merchantAccounts.add(value);
            return this;
        }

        public Builder merchantCategoryCode(String value) {
            this.merchantCategoryCode = value;
            return this;
        }

        public Builder transactionCurrency(String value) {
            this.transactionCurrency = value;
            return this;
        }

        public Builder transactionAmount(String value) {
            this.transactionAmount = value;
            return this;
        }

        public Builder tipOrConvenienceIndicator(String value) {
            this.tipOrConvenienceIndicator = value;
            return this;
        }

        public Builder convenienceFeeFixed(String value) {
            this.convenienceFeeFixed = value;
            return this;
        }

        public Builder convenienceFeePercentage(String value) {
            this.convenienceFeePercentage = value;
            return this;
        }

        public Builder countryCode(String value) {
            this.countryCode = value;
            return this;
        }

        public Builder merchantName(String value) {
            this.merchantName = value;
            return this;
        }

        public Builder merchantCity(String value) {
            this.merchantCity = value;
            return this;
        }

        public Builder postalCode(String value) {
            this.postalCode = value;
            return this;
        }

        public Builder additionalData(DataObject value) {
            additionalData.add(value);
            return this;
        }

        public Builder merchantInformationLanguage(DataObject value) {
            merchantInformationLanguage.add(value);
            return this;
        }

        public Builder otherTag(DataObject value) {
            otherTags.add(value);
            return this;
        }

        public MerchantPresentedQr build() {
            return new MerchantPresentedQr(
                    payloadFormatIndicator,
                    pointOfInitiation,
                    merchantAccounts,
                    merchantCategoryCode,
                    transactionCurrency,
                    transactionAmount,
                    tipOrConvenienceIndicator,
                    convenienceFeeFixed,
                    convenienceFeePercentage,
                    countryCode,
                    merchantName,
                    merchantCity,
                    postalCode,
                    additionalData,
                    merchantInformationLanguage,
                    otherTags,
                    null);
        }
    }
}
