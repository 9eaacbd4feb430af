package com.kakehashi.qr.emv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Codes as networks issue them. Each fixture follows its network's published layout (Bank of Thailand Thai QR
 * Payment standard for PromptPay, NAPAS VietQR, SGQR/PayNow, Banco Central do Brasil's Pix manual, PayNet DuitNow
 * QR): the strict decoder refuses them, the lenient one reads them and names each deviation.
 */
class WildCodesTest {

    /** PromptPay static code to a mobile number: no tag 52, 59 or 60, as the Thai QR standard issues it. */
    static final String PROMPTPAY = withCrc("000201010211" + "29370016A000000677010111011300668123456785802TH5303764");
    /** VietQR (NAPAS 247) bank-transfer code: no tag 52, 59 or 60. */
    static final String VIETQR = withCrc(
            "000201010211" + "38570010A00000072701270006970403011300110123456780208QRIBFTTA" + "5303704" + "5802VN");
    /** PayNow to a UEN with a zero-length merchant name (tag 59 length 00). */
    static final String PAYNOW_EMPTY_NAME = withCrc("000201010212"
            + "26370009SG.PAYNOW010120210201234567X03010" + "52040000" + "5303702" + "54041.50" + "5802SG"
            + "5900" + "6009Singapore");
    /** Pix static code whose merchant city has 19 characters (EMVCo allows 15). */
    static final String PIX_LONG_CITY = withCrc("000201"
            + "26580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000" + "52040000" + "5303986"
            + "5802BR" + "5913Fulano de Tal" + "6019SAO JOSE DOS CAMPOS");
    /** DuitNow QR whose template 82 carries a hex signature rather than TLV sub-tags. */
    static final String DUITNOW_OPAQUE_82 = withCrc("000201010211"
            + "26600014A0000006150001010689008702280000000000000000000000091507" + "52047372" + "5303458"
            + "5802MY" + "5909Gintell R" + "6012Kuala Lumpur" + "823247FCECA2796DDB8C0D63753C1131BD85");

    @Test
    void promptPayWithoutMerchantCategoryDecodesWithWarnings() {
        assertThatThrownBy(() -> EmvQrCodec.decode(PROMPTPAY)).isInstanceOf(EmvQrException.class);

        LenientDecoding decoded = EmvQrCodec.decodeLenient(PROMPTPAY);

        assertThat(decoded.qr().transactionCurrency()).isEqualTo("764");
        assertThat(decoded.qr().merchantAccounts().get(0).globallyUniqueId()).isEqualTo("A000000677010111");
        assertThat(decoded.warnings())
                .anyMatch(w -> w.startsWith("tag 52"))
                .anyMatch(w -> w.startsWith("tag 59"))
                .anyMatch(w -> w.startsWith("tag 60"));
    }

    @Test
    void vietQrWithoutMerchantCategoryDecodesWithWarnings() {
        LenientDecoding decoded = EmvQrCodec.decodeLenient(VIETQR);

        assertThat(decoded.qr().merchantAccounts().get(0).globallyUniqueId()).isEqualTo("A000000727");
        assertThat(decoded.qr().countryCode()).isEqualTo("VN");
        assertThat(decoded.warnings()).anyMatch(w -> w.contains("tag 52 (merchant category code) is missing"));
    }

    @Test
    void payNowWithAnEmptyNameDecodesWithAWarning() {
        assertThatThrownBy(() -> EmvQrCodec.decode(PAYNOW_EMPTY_NAME)).isInstanceOf(EmvQrException.class);

        LenientDecoding decoded = EmvQrCodec.decodeLenient(PAYNOW_EMPTY_NAME);

        assertThat(decoded.qr().merchantName()).isEmpty();
        assertThat(decoded.qr().transactionAmount()).isEqualTo("1.50");
        assertThat(decoded.warnings()).containsExactly("tag 59 (merchant name) is empty");
    }

    @Test
    void pixWithALongCityDecodesWithAWarning() {
        LenientDecoding decoded = EmvQrCodec.decodeLenient(PIX_LONG_CITY);

        assertThat(decoded.qr().merchantCity()).isEqualTo("SAO JOSE DOS CAMPOS");
        assertThat(decoded.warnings()).containsExactly("tag 60 (merchant city) has 19 characters; EMVCo allows 15");
    }

    @Test
    void duitNowWithAnOpaqueTemplateDecodesWithAWarning() {
        assertThatThrownBy(() -> EmvQrCodec.decode(DUITNOW_OPAQUE_82)).isInstanceOf(EmvQrException.class);

        LenientDecoding decoded = EmvQrCodec.decodeLenient(DUITNOW_OPAQUE_82);

        assertThat(decoded.qr().otherTags())
                .anyMatch(o -> o.tag().equals("82") && o.value().equals("47FCECA2796DDB8C0D63753C1131BD85"));
        assertThat(decoded.warnings()).containsExactly("template 82 is not TLV with numeric sub-tags; kept verbatim");
    }

    @Test
    void aWrongCrcIsNeverReadLeniently() {
        String tampered = PROMPTPAY.replace("5802TH", "5802VN");

        assertThatThrownBy(() -> EmvQrCodec.decodeLenient(tampered))
                .isInstanceOf(EmvQrException.class)
                .extracting(e -> ((EmvQrException) e).reason())
                .isEqualTo(EmvQrException.Reason.CRC_MISMATCH);
    }

    @Test
    void aCodeWithoutCurrencyIsNotPayable() {
        String noCurrency = withCrc("000201010211" + "29370016A000000677010111011300668123456785802TH");

        assertThatThrownBy(() -> EmvQrCodec.decodeLenient(noCurrency))
                .isInstanceOf(EmvQrException.class)
                .extracting(e -> ((EmvQrException) e).reason())
                .isEqualTo(EmvQrException.Reason.NOT_PAYABLE);
    }

    @Test
    void aCodeWithNoWayToReachTheMerchantIsNotPayable() {
        String noAccount = withCrc("000201010211" + "52045812" + "5303764" + "5802TH" + "5904Shop" + "6007Bangkok");

        assertThatThrownBy(() -> EmvQrCodec.decodeLenient(noAccount))
                .hasMessageContaining("no way to reach the merchant");
    }

    @Test
    void brokenTlvIsNeverReadLeniently() {
        String truncated = withCrc("000201010211" + "2937" + "0016A000000677");

        assertThatThrownBy(() -> EmvQrCodec.decodeLenient(truncated)).isInstanceOf(EmvQrException.class);
    }

    /** Appends tag 63 with the CRC-16/CCITT-FALSE over everything before the value, as EMVCo 4.7.3 defines it. */
    static String withCrc(String body) {
        String withTag = body + "6304";
        return withTag + Crc16.hex(withTag.getBytes(StandardCharsets.UTF_8));
    }
}
