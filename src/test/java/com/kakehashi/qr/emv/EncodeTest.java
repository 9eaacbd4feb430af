package com.kakehashi.qr.emv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EncodeTest {
    private static MerchantPresentedQr.Builder aTokyoShop() {
        return MerchantPresentedQr.builder().pointOfInitiation(PointOfInitiation.STATIC)
                .merchantAccount(MerchantAccountInfo.template("26", "jp.kakehashi", List.of(new DataObject("01", "42"))))
                .merchantCategoryCode("5812").transactionCurrency("392").countryCode("JP").merchantName("SUSHI ZANMAI")
                .merchantCity("TOKYO");
    }

    @Test
    void encodingIsCanonicalTagsAscendingAndAnUppercaseCrcLast() {
        String payload = EmvQrCodec.encode(aTokyoShop().transactionAmount("1280").pointOfInitiation(PointOfInitiation.DYNAMIC)
                .build());
        assertThat(payload).isEqualTo(Payloads.withCrc("000201" + "010212" + "2622" + "0012jp.kakehashi" + "010242"
                + "52045812" + "5303392" + "54041280" + "5802JP" + "5912SUSHI ZANMAI" + "6005TOKYO"));
        assertThat(payload.substring(payload.length() - 4)).isEqualTo(payload.substring(payload.length() - 4).toUpperCase());
    }

    @Test
    void reEncodingADecodedPayloadKeepsEveryField() {
        MerchantPresentedQr decoded = EmvQrCodec.decode(Payloads.EMVCO_EXAMPLE);
        MerchantPresentedQr again = EmvQrCodec.decode(EmvQrCodec.encode(decoded));
        assertThat(again).usingRecursiveComparison().ignoringFields("crc").isEqualTo(decoded);
    }

    @Test
    void languageTemplatesAreEncodedWithCharacterLengths() {
        String payload = EmvQrCodec.encode(aTokyoShop().merchantInformationLanguage(new DataObject("00", "JA"))
                .merchantInformationLanguage(new DataObject("01", "すし ざんまい")).build());
        assertThat(payload).contains("64170002JA0107すし ざんまい"); // 6 + 4 + 7 characters
        assertThat(EmvQrCodec.decode(payload).merchantInformationLanguage()).contains(new DataObject("01", "すし ざんまい"));
    }

    @Test
    void aQrTheDecoderWouldRefuseIsNeverEncoded() {
        assertThatThrownBy(() -> EmvQrCodec.encode(aTokyoShop().merchantName("A".repeat(30)).build()))
                .isInstanceOf(EmvQrException.class);
        assertThatThrownBy(() -> EmvQrCodec.encode(aTokyoShop().otherTag(new DataObject("65", "x".repeat(100))).build()))
                .isInstanceOf(EmvQrException.class);
        assertThatThrownBy(() -> EmvQrCodec.encode(aTokyoShop().transactionAmount("12,50").build()))
                .isInstanceOf(EmvQrException.class);
        assertThatThrownBy(() -> EmvQrCodec.encode(aTokyoShop().merchantCity("").build()))
                .isInstanceOf(EmvQrException.class);
    }
}
