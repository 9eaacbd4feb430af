package com.kakehashi.qr.emv;

import static com.kakehashi.qr.emv.Payloads.tlv;
import static com.kakehashi.qr.emv.Payloads.withCrc;
import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.qr.emv.Payloads.Body;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the specification allows, including the shapes real payloads take; every payload is built by hand. */
class DecodeAcceptsTest {
    @Test
    void decodesTheEmvcoWorkedExampleWithItsChineseLanguageTemplate() {
        MerchantPresentedQr qr = EmvQrCodec.decode(Payloads.EMVCO_EXAMPLE);

        assertThat(qr.payloadFormatIndicator()).isEqualTo("01");
        assertThat(qr.pointOfInitiation()).isEqualTo(PointOfInitiation.DYNAMIC);
        assertThat(qr.isDynamic()).isTrue();
        assertThat(qr.merchantAccounts()).extracting(MerchantAccountInfo::tag).containsExactly("29", "31");
        assertThat(qr.merchantAccounts()).allMatch(MerchantAccountInfo::isTemplate);
        assertThat(qr.merchantAccount("D15600000000").orElseThrow().subObjects())
                .containsExactly(new DataObject("05", "A93FO3230Q"));
        assertThat(qr.merchantAccount("D15600000001").orElseThrow().subObjects())
                .containsExactly(new DataObject("03", "12345678"));
        assertThat(qr.merchantCategoryCode()).isEqualTo("4111");
        assertThat(qr.countryCode()).isEqualTo("CN");
        assertThat(qr.merchantName()).isEqualTo("BEST TRANSPORT");
        assertThat(qr.merchantCity()).isEqualTo("BEIJING");
        assertThat(qr.merchantInformationLanguage())
                .containsExactly(new DataObject("00", "ZH"), new DataObject("01", "最佳运输"), new DataObject("02", "北京"));
        assertThat(qr.transactionAmount()).isEqualTo("23.72");
        assertThat(qr.transactionCurrency()).isEqualTo("156");
        assertThat(qr.tipOrConvenienceIndicator()).isEqualTo("01");
        assertThat(qr.convenienceFeeFixed()).isNull();
        assertThat(qr.convenienceFeePercentage()).isNull();
        assertThat(qr.postalCode()).isNull();
        assertThat(qr.additionalData())
                .containsExactly(
                        new DataObject("03", "1234"),
                        new DataObject("06", "***"),
                        new DataObject("07", "A6008667"),
                        new DataObject("09", "ME"));
        assertThat(qr.otherTags()).containsExactly(new DataObject("91", "0016A011223344998877070812345678"));
        assertThat(qr.crc()).isEqualTo("A13A");
    }

    @Test
    void aJpqrStyleStaticQrHasNoAmountAndItsIdentifierInTemplate26() {
        MerchantPresentedQr qr = EmvQrCodec.decode(Payloads.tokyoShop());
        assertThat(qr.pointOfInitiation()).isEqualTo(PointOfInitiation.STATIC);
        assertThat(qr.isDynamic()).isFalse();
        assertThat(qr.transactionAmount()).isNull();
        assertThat(qr.transactionCurrency()).isEqualTo("392");
        assertThat(qr.countryCode()).isEqualTo("JP");
        MerchantAccountInfo account = qr.merchantAccount("jp.or.paymentsjapan").orElseThrow();
        assertThat(account.tag()).isEqualTo("26");
        assertThat(account.subValue("01")).contains("0000000000001");
        assertThat(account.subValue("02")).isEmpty();
    }

    @Test
    void aUnionpayAccountIsAPrimitiveValueInTag15() {
        String payload = withCrc(tlv("00", "01")
                + tlv("01", "11")
                + tlv("15", "31310344000000012345678901234")
                + tlv("52", "5411")
                + tlv("53", "156")
                + tlv("58", "CN")
                + tlv("59", "UNIONPAY SHOP")
                + tlv("60", "SHANGHAI"));
        MerchantAccountInfo account =
                EmvQrCodec.decode(payload).merchantAccounts().get(0);
        assertThat(account.isTemplate()).isFalse();
        assertThat(account.tag()).isEqualTo("15");
        assertThat(account.primitiveValue()).isEqualTo("31310344000000012345678901234");
        assertThat(account.globallyUniqueId()).isNull();
    }

    @Test
    void aPromptpayQrCarriesItsProxyInTemplate29AndPays999Baht() {
        String payload = withCrc(tlv("00", "01")
                + tlv("01", "12")
                + tlv("29", tlv("00", "A000000677010111") + tlv("01", "0066812345678"))
                + tlv("53", "764")
                + tlv("54", "999")
                + tlv("58", "TH")
                + tlv("59", "SOMCHAI")
                + tlv("60", "BANGKOK")
                + tlv("52", "0000"));
        MerchantPresentedQr qr = EmvQrCodec.decode(payload);
        assertThat(qr.transactionAmount()).isEqualTo("999");
        assertThat(qr.transactionCurrency()).isEqualTo("764");
        assertThat(qr.countryCode()).isEqualTo("TH");
        assertThat(qr.merchantAccount("A000000677010111").orElseThrow().subValue("01"))
                .contains("0066812345678");
    }

    @Test
    void aPixQrCarriesItsKeyInTemplate26AndItsTxidInTag6205() {
        String payload = withCrc(tlv("00", "01")
                + tlv("26", tlv("00", "br.gov.bcb.pix") + tlv("01", "123e4567-e12b-12d1-a456-426655440000"))
                + tlv("52", "0000")
                + tlv("53", "986")
                + tlv("54", "390.8")
                + tlv("58", "BR")
                + tlv("59", "Fulano de Tal")
                + tlv("60", "BRASILIA")
                + tlv("62", tlv("05", "RP12345678-2019")));
        MerchantPresentedQr qr = EmvQrCodec.decode(payload);
        assertThat(qr.payloadFormatIndicator()).isEqualTo("01");
        assertThat(qr.pointOfInitiation()).as("tag 01 is optional").isNull();
        assertThat(qr.merchantAccount("br.gov.bcb.pix").orElseThrow().subValue("01"))
                .contains("123e4567-e12b-12d1-a456-426655440000");
        assertThat(qr.transactionCurrency()).isEqualTo("986");
        assertThat(qr.transactionAmount()).isEqualTo("390.8");
        assertThat(qr.countryCode()).isEqualTo("BR");
        assertThat(qr.additionalData()).containsExactly(new DataObject("05", "RP12345678-2019"));
    }

    @Test
    void aVietqrAccountNestsATemplateInsideTemplate38() {
        String beneficiary = tlv("00", "970436") + tlv("01", "0123456789");
        String payload = withCrc(tlv("00", "01")
                + tlv("01", "12")
                + tlv("38", tlv("00", "A000000727") + tlv("01", beneficiary) + tlv("02", "QRIBFTTA"))
                + tlv("53", "704")
                + tlv("54", "79000")
                + tlv("58", "VN")
                + tlv("62", tlv("08", "thanh toan"))
                + tlv("52", "5812")
                + tlv("59", "PHO 24")
                + tlv("60", "HA NOI"));
        MerchantAccountInfo account =
                EmvQrCodec.decode(payload).merchantAccount("A000000727").orElseThrow();
        assertThat(account.tag()).isEqualTo("38");
        assertThat(account.subValue("01")).contains(beneficiary);
        assertThat(account.subValue("02")).contains("QRIBFTTA");
    }

    @Test
    void anSgqrListsSeveralMerchantAccountsInPayloadOrder() {
        String payload = withCrc(tlv("00", "01")
                + tlv("01", "11")
                + tlv("26", tlv("00", "SG.PAYNOW") + tlv("01", "2") + tlv("02", "201403121W") + tlv("03", "0"))
                + tlv("51", tlv("00", "SG.SGQR") + tlv("01", "180301B3E8B4") + tlv("02", "01.0001"))
                + tlv("52", "5999")
                + tlv("53", "702")
                + tlv("58", "SG")
                + tlv("59", "HAWKER STALL")
                + tlv("60", "Singapore"));
        MerchantPresentedQr qr = EmvQrCodec.decode(payload);
        assertThat(qr.merchantAccounts())
                .extracting(MerchantAccountInfo::globallyUniqueId)
                .containsExactly("SG.PAYNOW", "SG.SGQR");
        assertThat(qr.merchantAccount("SG.PAYNOW").orElseThrow().subObjects()).hasSize(3);
    }

    @Test
    void aDuitnowLikeQrWithAPercentageFeeAndAPostalCode() {
        String payload = withCrc(tlv("00", "01")
                + tlv("01", "11")
                + tlv("26", tlv("00", "A0000006150001") + tlv("01", "890053") + tlv("02", "MYMERCHANT123"))
                + tlv("52", "5411")
                + tlv("53", "458")
                + tlv("55", "03")
                + tlv("57", "1.5")
                + tlv("58", "MY")
                + tlv("59", "KEDAI RUNCIT ALI")
                + tlv("60", "KUALA LUMPUR")
                + tlv("61", "50450"));
        MerchantPresentedQr qr = EmvQrCodec.decode(payload);
        assertThat(qr.tipOrConvenienceIndicator()).isEqualTo("03");
        assertThat(qr.convenienceFeePercentage()).isEqualTo("1.5");
        assertThat(qr.postalCode()).isEqualTo("50450");
    }

    @Test
    void aKhqrLikeQrKeepsItsTimestampInUnreservedTemplate99() {
        String timestamp = tlv("99", tlv("00", "1732510000000"));
        String payload = withCrc(tlv("00", "01")
                + tlv("01", "12")
                + tlv("29", tlv("00", "kakehashi@aclb"))
                + tlv("52", "5999")
                + tlv("53", "116")
                + tlv("54", "40000")
                + tlv("58", "KH")
                + tlv("59", "NOM PANG")
                + tlv("60", "PHNOM PENH")
                + tlv("62", tlv("02", "85512345678") + tlv("03", "SHOP 1"))
                + timestamp);
        MerchantPresentedQr qr = EmvQrCodec.decode(payload);
        assertThat(qr.merchantAccount("kakehashi@aclb")).isPresent();
        assertThat(qr.otherTags()).containsExactly(new DataObject("99", tlv("00", "1732510000000")));
    }

    @Test
    void payloadFormatIndicator02IsAccepted() {
        String payload = Body.tokyoShop().set("00", "02").payload();
        assertThat(EmvQrCodec.decode(payload).payloadFormatIndicator()).isEqualTo("02");
    }

    @Test
    void aLowercaseCrcIsAcceptedAndReportedInUppercase() {
        String payload = findPayloadWhoseCrcHasALetter();
        String crc = payload.substring(payload.length() - 4);
        String lowercase = payload.substring(0, payload.length() - 4) + crc.toLowerCase(java.util.Locale.ROOT);
        assertThat(lowercase).isNotEqualTo(payload);
        assertThat(EmvQrCodec.decode(lowercase).crc()).isEqualTo(crc);
    }

    @Test
    void dataObjectsMayComeInAnyOrderBetween00FirstAnd63Last() {
        String payload = withCrc(tlv("00", "01")
                + tlv("60", "TOKYO")
                + tlv("59", "SUSHI ZANMAI")
                + tlv("58", "JP")
                + tlv("54", "1280")
                + tlv("53", "392")
                + tlv("52", "5812")
                + tlv("26", tlv("01", "42") + tlv("00", "jp.example"))
                + tlv("01", "12"));
        MerchantPresentedQr qr = EmvQrCodec.decode(payload);
        assertThat(qr.merchantName()).isEqualTo("SUSHI ZANMAI");
        assertThat(qr.isDynamic()).isTrue();
        assertThat(qr.merchantAccount("jp.example").orElseThrow().subObjects())
                .as("the identifier may follow other sub-tags")
                .containsExactly(new DataObject("01", "42"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"999", "1.0", "390.8", "98.", "0.50", "1234567890.12", "0"})
    void amountsTakeEveryFormTheSpecificationAllows(String amount) {
        assertThat(EmvQrCodec.decode(Payloads.tokyoShop(tlv("54", amount))).transactionAmount())
                .isEqualTo(amount);
    }

    @Test
    void aTipPromptAndTheTwoKindsOfConvenienceFeeComeWithTheirIndicator() {
        assertThat(EmvQrCodec.decode(Payloads.tokyoShop(tlv("55", "01"))).tipOrConvenienceIndicator())
                .isEqualTo("01");
        MerchantPresentedQr fixed = EmvQrCodec.decode(Payloads.tokyoShop(tlv("55", "02"), tlv("56", "100")));
        assertThat(fixed.convenienceFeeFixed()).isEqualTo("100");
        MerchantPresentedQr percentage = EmvQrCodec.decode(Payloads.tokyoShop(tlv("55", "03"), tlv("57", "99.99")));
        assertThat(percentage.convenienceFeePercentage()).isEqualTo("99.99");
    }

    @Test
    void tags65To79AndUnreservedTemplates80To99AreKeptVerbatim() {
        String payload = Body.tokyoShop()
                .append(tlv("65", "RFU FOR EMVCO"))
                .append(tlv("79", "x"))
                .append(tlv("80", tlv("00", "com.example.loyalty") + tlv("01", "GOLD")))
                .append(tlv("99", tlv("00", "jp.example")))
                .payload();
        assertThat(EmvQrCodec.decode(payload).otherTags())
                .containsExactly(
                        new DataObject("65", "RFU FOR EMVCO"),
                        new DataObject("79", "x"),
                        new DataObject("80", tlv("00", "com.example.loyalty") + tlv("01", "GOLD")),
                        new DataObject("99", tlv("00", "jp.example")));
    }

    @Test
    void everyFieldMayUseItsFullLength() {
        String payload = Body.tokyoShop()
                .set("59", "N".repeat(25))
                .set("60", "C".repeat(15))
                .append(tlv("61", "1234567890"))
                .insertBefore("26", tlv("02", "P".repeat(99)))
                .append(tlv("62", tlv("01", "B".repeat(25))))
                .payload();
        MerchantPresentedQr qr = EmvQrCodec.decode(payload);
        assertThat(qr.merchantName()).hasSize(25);
        assertThat(qr.merchantCity()).hasSize(15);
        assertThat(qr.postalCode()).hasSize(10);
        assertThat(qr.merchantAccounts().get(0).primitiveValue()).hasSize(99);
        assertThat(qr.additionalData().get(0).value()).hasSize(25);
    }

    @Test
    void theLanguageTemplateCountsCharactersNotBytes() {
        String name = "寿司ざんまい築地本店寿司ざんまい築地本店寿司ざんま"; // 25 characters, 75 UTF-8 bytes
        assertThat(name).hasSize(25);
        String payload = Body.tokyoShop()
                .append(tlv("64", tlv("00", "JA") + tlv("01", name) + tlv("02", "東京都中央区")))
                .payload();
        assertThat(payload).contains("6445" + "0002JA" + "0125" + name + "0206東京都中央区");
        assertThat(EmvQrCodec.decode(payload).merchantInformationLanguage())
                .containsExactly(
                        new DataObject("00", "JA"), new DataObject("01", name), new DataObject("02", "東京都中央区"));
    }

    @Test
    void aCharacterOutsideTheBasicMultilingualPlaneCountsAsOneCharacter() {
        String yoshinoya = "𠮷野家"; // U+20BB7 is one character, two Java chars, four UTF-8 bytes
        assertThat(yoshinoya.codePointCount(0, yoshinoya.length())).isEqualTo(3);
        String payload =
                Body.tokyoShop().append("6413" + "0002JA" + "0103" + yoshinoya).payload();
        assertThat(EmvQrCodec.decode(payload).merchantInformationLanguage())
                .containsExactly(new DataObject("00", "JA"), new DataObject("01", yoshinoya));
    }

    @Test
    void theAdditionalDataTemplateKeepsItsSubTagsInPayloadOrder() {
        String additional = tlv("01", "I1")
                + tlv("02", "0812345678")
                + tlv("03", "STORE 7")
                + tlv("04", "L1")
                + tlv("05", "REF")
                + tlv("06", "C9")
                + tlv("07", "T1")
                + tlv("08", "Lunch")
                + tlv("09", "AME")
                + tlv("50", tlv("00", "com.example") + tlv("01", "x"));
        MerchantPresentedQr qr =
                EmvQrCodec.decode(Body.tokyoShop().append(tlv("62", additional)).payload());
        assertThat(qr.additionalData())
                .extracting(DataObject::tag)
                .containsExactly("01", "02", "03", "04", "05", "06", "07", "08", "09", "50");
        assertThat(qr.additionalData().get(9).value()).isEqualTo(tlv("00", "com.example") + tlv("01", "x"));
    }

    private static String findPayloadWhoseCrcHasALetter() {
        for (int i = 0; ; i++) {
            String payload = Body.tokyoShop().set("59", "SHOP " + i).payload();
            if (payload.substring(payload.length() - 4).matches(".*[A-F].*")) {
                return payload;
            }
        }
    }
}
