package com.kakehashi.qr.emv;

import static com.kakehashi.qr.emv.Payloads.tlv;
import static com.kakehashi.qr.emv.Payloads.withCrc;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the specification allows, including the shapes real payloads in the wild take. */
class DecodeAcceptsTest {
    @Test
    void theEmvcoWorkedExampleDecodesWithItsChineseLanguageTemplate() {
        MerchantPresentedQr qr = EmvQrCodec.decode(Payloads.EMVCO_EXAMPLE);

        assertThat(qr.payloadFormatIndicator()).isEqualTo("01");
        assertThat(qr.pointOfInitiation()).isEqualTo(PointOfInitiation.DYNAMIC);
        assertThat(qr.merchantAccounts()).extracting(MerchantAccountInfo::tag).containsExactly("29", "31");
        assertThat(qr.merchantAccount("D15600000000").orElseThrow().subValue("05")).contains("A93FO3230Q");
        assertThat(qr.merchantAccount("D15600000001").orElseThrow().subValue("03")).contains("12345678");
        assertThat(qr.merchantCategoryCode()).isEqualTo("4111");
        assertThat(qr.transactionCurrency()).isEqualTo("156");
        assertThat(qr.transactionAmount()).isEqualTo("23.72");
        assertThat(qr.tipOrConvenienceIndicator()).isEqualTo("01");
        assertThat(qr.countryCode()).isEqualTo("CN");
        assertThat(qr.merchantName()).isEqualTo("BEST TRANSPORT");
        assertThat(qr.merchantCity()).isEqualTo("BEIJING");
        assertThat(qr.merchantInformationLanguage()).containsExactly(new DataObject("00", "ZH"),
                new DataObject("01", "最佳运输"), new DataObject("02", "北京"));
        assertThat(qr.additionalData()).containsExactly(new DataObject("03", "1234"), new DataObject("06", "***"),
                new DataObject("07", "A6008667"), new DataObject("09", "ME"));
        assertThat(qr.otherTags()).containsExactly(new DataObject("91", "0016A011223344998877070812345678"));
        assertThat(qr.crc()).isEqualTo("A13A");
    }

    @Test
    void aJapaneseStaticQrHasNoAmountAndIsNotDynamic() {
        MerchantPresentedQr qr = EmvQrCodec.decode(Payloads.tokyoShop());
        assertThat(qr.isDynamic()).isFalse();
        assertThat(qr.transactionAmount()).isNull();
        assertThat(qr.merchantAccount("jp.or.paymentsjapan").orElseThrow().subValue("01")).contains("0000000000001");
    }

    @Test
    void unionPayCarriesItsAccountInPrimitiveTag15() {
        String payload = withCrc(tlv("00", "01") + tlv("01", "11") + tlv("15", "31310344000000012345678901234")
                + tlv("52", "5411") + tlv("53", "156") + tlv("58", "CN") + tlv("59", "UNIONPAY SHOP")
                + tlv("60", "SHANGHAI"));
        MerchantAccountInfo account = EmvQrCodec.decode(payload).merchantAccounts().get(0);
        assertThat(account.isTemplate()).isFalse();
        assertThat(account.tag()).isEqualTo("15");
        assertThat(account.primitiveValue()).isEqualTo("31310344000000012345678901234");
    }

    @Test
    void promptPayStyleWithTemplate29AndAnAmountOf999() {
        String payload = withCrc(tlv("00", "01") + tlv("01", "12")
                + tlv("29", tlv("00", "A000000677010111") + tlv("01", "0066812345678")) + tlv("53", "764")
                + tlv("54", "999") + tlv("58", "TH") + tlv("59", "SOMCHAI") + tlv("60", "BANGKOK") + tlv("52", "0000"));
        MerchantPresentedQr qr = EmvQrCodec.decode(payload);
        assertThat(qr.transactionAmount()).isEqualTo("999");
        assertThat(qr.merchantAccount("A000000677010111").orElseThrow().subValue("01")).contains("0066812345678");
    }

    @Test
    void pixStyleWithAnAmountLike390Point8AndATransactionId() {
        String payload = withCrc(tlv("00", "01") + tlv("26", tlv("00", "br.gov.bcb.pix")
                + tlv("01", "123e4567-e12b-12d1-a456-426655440000")) + tlv("52", "0000") + tlv("53", "986")
                + tlv("54", "390.8") + tlv("58", "BR") + tlv("59", "Fulano de Tal") + tlv("60", "BRASILIA")
                + tlv("62", tlv("05", "***")));
        MerchantPresentedQr qr = EmvQrCodec.decode(payload);
        assertThat(qr.pointOfInitiation()).isNull();
        assertThat(qr.transactionAmount()).isEqualTo("390.8");
        assertThat(qr.additionalData()).containsExactly(new DataObject("05", "***"));
    }

    @Test
    void vietQrStyleWithANestedTemplateInsideTheMerchantAccount() {
        String beneficiary = tlv("00", "970436") + tlv("01", "0123456789");
        String payload = withCrc(tlv("00", "01") + tlv("01", "12") + tlv("38", tlv("00", "A000000727")
                + tlv("01", beneficiary) + tlv("02", "QRIBFTTA")) + tlv("53", "704") + tlv("54", "79000")
                + tlv("58", "VN") + tlv("62", tlv("08", "thanh toan")) + tlv("52", "5812") + tlv("59", "PHO 24")
                + tlv("60", "HA NOI"));
        MerchantAccountInfo account = EmvQrCodec.decode(payload).merchantAccount("A000000727").orElseThrow();
        assertThat(account.subValue("01")).contains(beneficiary);
        assertThat(account.subValue("02")).contains("QRIBFTTA");
    }

    @Test
    void sgqrStyleWithSeveralMerchantAccountsAndRfuTagsKept() {
        String payload = withCrc(tlv("00", "01") + tlv("01", "11")
                + tlv("26", tlv("00", "SG.PAYNOW") + tlv("01", "2") + tlv("02", "201403121W"))
                + tlv("51", tlv("00", "SG.SGQR") + tlv("01", "180301B3E8B4") + tlv("02", "01.0001"))
                + tlv("52", "5999") + tlv("53", "702") + tlv("58", "SG") + tlv("59", "HAWKER STALL")
                + tlv("60", "Singapore") + tlv("65", "RFU FOR EMVCO") + tlv("80", tlv("00", "com.example") + tlv("01", "x")));
        MerchantPresentedQr qr = EmvQrCodec.decode(payload);
        assertThat(qr.merchantAccounts()).extracting(MerchantAccountInfo::globallyUniqueId)
                .containsExactly("SG.PAYNOW", "SG.SGQR");
        assertThat(qr.otherTags()).extracting(DataObject::tag).containsExactly("65", "80");
    }

    @Test
    void payloadFormatIndicator02IsAccepted() {
        String payload = Payloads.tokyoShop().replaceFirst("^000201", "000202");
        payload = withCrc(payload.substring(0, payload.length() - 8));
        assertThat(EmvQrCodec.decode(payload).payloadFormatIndicator()).isEqualTo("02");
    }

    @Test
    void aLowercaseCrcIsAcceptedAndReportedInUppercase() {
        String payload = Payloads.tokyoShop();
        String lower = payload.substring(0, payload.length() - 4) + payload.substring(payload.length() - 4).toLowerCase();
        assertThat(EmvQrCodec.decode(lower).crc()).isEqualTo(payload.substring(payload.length() - 4));
    }

    @Test
    void tagsMayComeInAnyOrderAsLongAs00IsFirstAnd63Last() {
        String payload = withCrc(tlv("00", "01") + tlv("60", "TOKYO") + tlv("59", "SUSHI ZANMAI") + tlv("58", "JP")
                + tlv("53", "392") + tlv("52", "5812") + tlv("26", tlv("00", "jp.example") + tlv("01", "42")));
        assertThat(EmvQrCodec.decode(payload).merchantName()).isEqualTo("SUSHI ZANMAI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999", "1.0", "390.8", "98.", "0.50", "1234567890.12"})
    void amountsTakeTheFormsTheSpecificationAllows(String amount) {
        assertThat(EmvQrCodec.decode(Payloads.tokyoShop(tlv("54", amount))).transactionAmount()).isEqualTo(amount);
    }

    @Test
    void convenienceFeesComeWithTheirIndicator() {
        MerchantPresentedQr fixed = EmvQrCodec.decode(Payloads.tokyoShop(tlv("55", "02"), tlv("56", "100")));
        assertThat(fixed.convenienceFeeFixed()).isEqualTo("100");
        MerchantPresentedQr percentage = EmvQrCodec.decode(Payloads.tokyoShop(tlv("55", "03"), tlv("57", "3.5")));
        assertThat(percentage.convenienceFeePercentage()).isEqualTo("3.5");
    }
}
