package com.kakehashi.qr.emv;

import static com.kakehashi.qr.emv.Payloads.tlv;
import static com.kakehashi.qr.emv.Payloads.withCrc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.kakehashi.qr.emv.EmvQrException.Reason;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Canonical encoding, checked against payloads written out by hand with an independent CRC. */
class EncodeTest {
    private static MerchantPresentedQr.Builder aTokyoShop() {
        return MerchantPresentedQr.builder()
                .pointOfInitiation(PointOfInitiation.STATIC)
                .merchantAccount(
                        MerchantAccountInfo.template("26", "jp.kakehashi", List.of(new DataObject("01", "42"))))
                .merchantCategoryCode("5812")
                .transactionCurrency("392")
                .countryCode("JP")
                .merchantName("SUSHI ZANMAI")
                .merchantCity("TOKYO");
    }

    @Test
    void encodesCanonically00And01FirstThenAscendingTagsAndTheCrcLast() {
        MerchantPresentedQr qr = MerchantPresentedQr.builder()
                .otherTag(new DataObject("80", tlv("00", "com.example")))
                .otherTag(new DataObject("65", "X"))
                .merchantInformationLanguage(new DataObject("00", "JA"))
                .merchantInformationLanguage(new DataObject("01", "すし ざんまい"))
                .additionalData(new DataObject("05", "ORDER-1"))
                .postalCode("1040045")
                .merchantCity("TOKYO")
                .merchantName("SUSHI ZANMAI")
                .countryCode("JP")
                .convenienceFeeFixed("100")
                .tipOrConvenienceIndicator("02")
                .transactionAmount("1280")
                .transactionCurrency("392")
                .merchantCategoryCode("5812")
                .merchantAccount(
                        MerchantAccountInfo.template("26", "jp.kakehashi", List.of(new DataObject("01", "42"))))
                .merchantAccount(MerchantAccountInfo.primitive("15", "UP123"))
                .pointOfInitiation(PointOfInitiation.DYNAMIC)
                .build();

        assertThat(EmvQrCodec.encode(qr))
                .isEqualTo(withCrc("000201" + "010212" + "1505UP123"
                        + "2622" + "0012jp.kakehashi" + "010242" + "52045812" + "5303392" + "54041280" + "550202"
                        + "5603100"
                        + "5802JP" + "5912SUSHI ZANMAI" + "6005TOKYO" + "61071040045" + "6211" + "0507ORDER-1"
                        + "6417" + "0002JA" + "0107すし ざんまい" + "6501X" + "8015" + "0011com.example"));
    }

    @Test
    void theCrcIsFourUppercaseHexadecimalDigitsEvenWithLeadingZeros() {
        for (int i = 0, leadingZero = 0, letters = 0; leadingZero < 3 || letters < 3; i++) {
            String payload =
                    EmvQrCodec.encode(aTokyoShop().merchantName("SHOP " + i).build());
            String crc = payload.substring(payload.length() - 4);
            assertThat(payload).isEqualTo(withCrc(payload.substring(0, payload.length() - 8)));
            assertThat(crc).matches("[0-9A-F]{4}");
            leadingZero += crc.startsWith("0") ? 1 : 0;
            letters += crc.matches(".*[A-F].*") ? 1 : 0;
        }
    }

    @Test
    void reEncodingTheEmvcoWorkedExamplePutsItsDataObjectsInCanonicalOrder() {
        String expected = withCrc("000201" + "010212" + "29300012D156000000000510A93FO3230Q"
                + "31280012D15600000001030812345678" + "52044111" + "5303156" + "540523.72" + "550201" + "5802CN"
                + "5914BEST TRANSPORT" + "6007BEIJING" + "6233030412340603***0708A60086670902ME"
                + "64200002ZH0104最佳运输0202北京" + "91320016A011223344998877070812345678");
        assertThat(EmvQrCodec.encode(EmvQrCodec.decode(Payloads.EMVCO_EXAMPLE))).isEqualTo(expected);
    }

    @Test
    void aCanonicalPayloadComesBackUnchangedAndALowercaseCrcComesBackUppercase() {
        String canonical = Payloads.tokyoShop();
        assertThat(EmvQrCodec.encode(EmvQrCodec.decode(canonical))).isEqualTo(canonical);
        String lowercase = canonical.substring(0, canonical.length() - 4)
                + canonical.substring(canonical.length() - 4).toLowerCase(java.util.Locale.ROOT);
        assertThat(EmvQrCodec.encode(EmvQrCodec.decode(lowercase))).isEqualTo(canonical);
    }

    static Stream<String> payloadsInTheWild() {
        return Stream.of(
                Payloads.EMVCO_EXAMPLE,
                Payloads.tokyoShop(tlv("54", "98."), tlv("55", "03"), tlv("57", "3.5")),
                withCrc(tlv("00", "01")
                        + tlv("15", "31310344000000012345678901234")
                        + tlv("52", "5411")
                        + tlv("53", "156")
                        + tlv("58", "CN")
                        + tlv("59", "UNIONPAY SHOP")
                        + tlv("60", "SHANGHAI")),
                withCrc(tlv("00", "01")
                        + tlv("26", tlv("00", "br.gov.bcb.pix") + tlv("01", "fulano@example.com"))
                        + tlv("52", "0000")
                        + tlv("53", "986")
                        + tlv("54", "390.8")
                        + tlv("58", "BR")
                        + tlv("59", "Fulano de Tal")
                        + tlv("60", "BRASILIA")
                        + tlv("62", tlv("05", "***"))),
                withCrc(tlv("00", "02")
                        + tlv("01", "12")
                        + tlv(
                                "38",
                                tlv("00", "A000000727")
                                        + tlv("01", tlv("00", "970436") + tlv("01", "0123456789"))
                                        + tlv("02", "QRIBFTTA"))
                        + tlv("53", "704")
                        + tlv("54", "79000")
                        + tlv("58", "VN")
                        + tlv("52", "5812")
                        + tlv("59", "PHO 24")
                        + tlv("60", "HA NOI")
                        + tlv("65", "rfu")
                        + tlv("99", tlv("00", "x"))),
                Payloads.tokyoShop(
                        tlv("61", "1040045"), tlv("64", tlv("00", "JA") + tlv("01", "𠮷野家") + tlv("02", "東京"))));
    }

    @ParameterizedTest
    @MethodSource("payloadsInTheWild")
    void reEncodingADecodedPayloadKeepsEveryField(String payload) {
        MerchantPresentedQr decoded = EmvQrCodec.decode(payload);
        String encoded = EmvQrCodec.encode(decoded);
        MerchantPresentedQr again = EmvQrCodec.decode(encoded);
        assertThat(again).usingRecursiveComparison().ignoringFields("crc").isEqualTo(decoded);
        assertThat(again.crc()).isEqualTo(encoded.substring(encoded.length() - 4));
        assertThat(EmvQrCodec.encode(again))
                .as("canonical encoding is a fixed point")
                .isEqualTo(encoded);
    }

    @Test
    void aBuilderMadeQrWithEveryFieldRoundTrips() {
        MerchantPresentedQr qr = aTokyoShop()
                .payloadFormatIndicator("02")
                .pointOfInitiation(PointOfInitiation.DYNAMIC)
                .merchantAccount(MerchantAccountInfo.template(
                        "51", "jp.example.acquirer", List.of(new DataObject("01", "M-1"), new DataObject("02", "T-9"))))
                .transactionAmount("1.0")
                .tipOrConvenienceIndicator("03")
                .convenienceFeePercentage("10")
                .postalCode("104-0045")
                .additionalData(new DataObject("01", "INV-1"))
                .additionalData(new DataObject("08", "Dinner"))
                .merchantInformationLanguage(new DataObject("00", "JA"))
                .merchantInformationLanguage(new DataObject("01", "寿司ざんまい"))
                .merchantInformationLanguage(new DataObject("02", "東京"))
                .otherTag(new DataObject("70", "anything"))
                .otherTag(new DataObject("90", tlv("00", "jp.example")))
                .build();
        String payload = EmvQrCodec.encode(qr);
        MerchantPresentedQr decoded = EmvQrCodec.decode(payload);
        assertThat(decoded).usingRecursiveComparison().ignoringFields("crc").isEqualTo(qr);
        assertThat(decoded.crc()).isEqualTo(payload.substring(payload.length() - 4));
    }

    @Test
    void lengthsInTheLanguageTemplateCountCharactersNotBytesOrJavaChars() {
        String kana = EmvQrCodec.encode(aTokyoShop()
                .merchantInformationLanguage(new DataObject("00", "JA"))
                .merchantInformationLanguage(new DataObject("01", "すし ざんまい"))
                .build());
        assertThat(kana).contains("6417" + "0002JA" + "0107すし ざんまい"); // 6 + 4 + 7 characters
        String yoshinoya = EmvQrCodec.encode(aTokyoShop()
                .merchantInformationLanguage(new DataObject("00", "JA"))
                .merchantInformationLanguage(new DataObject("01", "𠮷野家"))
                .build());
        assertThat(yoshinoya).contains("6413" + "0002JA" + "0103𠮷野家"); // 𠮷 (U+20BB7) is one character
        assertThat(yoshinoya).isEqualTo(withCrc(yoshinoya.substring(0, yoshinoya.length() - 8)));
    }

    private static void refusedToEncode(MerchantPresentedQr.Builder qr, Reason reason) {
        EmvQrException e = catchThrowableOfType(EmvQrException.class, () -> EmvQrCodec.encode(qr.build()));
        assertThat(e).as("encoding was refused").isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
    }

    @Test
    void refusesToEncodeValuesTheSpecificationDoesNotAllow() {
        refusedToEncode(aTokyoShop().merchantName("A".repeat(30)), Reason.INVALID_LENGTH);
        refusedToEncode(aTokyoShop().otherTag(new DataObject("65", "x".repeat(100))), Reason.INVALID_LENGTH);
        refusedToEncode(aTokyoShop().merchantCity(""), Reason.INVALID_LENGTH);
        refusedToEncode(
                aTokyoShop()
                        .merchantAccount(MerchantAccountInfo.template(
                                "30", "G".repeat(32), List.of(new DataObject("01", "x".repeat(60))))),
                Reason.INVALID_LENGTH);
        refusedToEncode(aTokyoShop().transactionAmount("12,50"), Reason.INVALID_AMOUNT);
        refusedToEncode(aTokyoShop().merchantName("すし ざんまい"), Reason.INVALID_CHARACTER);
        refusedToEncode(
                aTokyoShop()
                        .merchantInformationLanguage(new DataObject("00", "JA"))
                        .merchantInformationLanguage(new DataObject("01", "すし\nざんまい")),
                Reason.INVALID_CHARACTER);
        refusedToEncode(aTokyoShop().countryCode("JPN"), Reason.INVALID_VALUE);
        refusedToEncode(aTokyoShop().tipOrConvenienceIndicator("02"), Reason.MISSING_MANDATORY_TAG);
    }

    @Test
    void refusesToEncodeAQrWithoutItsMandatoryDataObjects() {
        refusedToEncode(aTokyoShop().merchantName(null), Reason.MISSING_MANDATORY_TAG);
        refusedToEncode(aTokyoShop().payloadFormatIndicator(null), Reason.MISSING_MANDATORY_TAG);
        refusedToEncode(
                MerchantPresentedQr.builder()
                        .merchantCategoryCode("5812")
                        .transactionCurrency("392")
                        .countryCode("JP")
                        .merchantName("SUSHI ZANMAI")
                        .merchantCity("TOKYO"),
                Reason.MISSING_MANDATORY_TAG);
    }

    @Test
    void refusesToEncodeAMerchantAccountTemplateWithoutAnIdentifier() {
        refusedToEncode(
                aTokyoShop()
                        .merchantAccount(MerchantAccountInfo.template("27", null, List.of(new DataObject("01", "42")))),
                Reason.INVALID_TEMPLATE);
        refusedToEncode(
                aTokyoShop()
                        .merchantAccount(MerchantAccountInfo.template(
                                "27", "jp.example", List.of(new DataObject("00", "jp.other")))),
                Reason.DUPLICATE_TAG);
    }

    @Test
    void refusesToEncodeADataObjectInATagThatWouldDecodeAsSomethingElse() {
        // A template in a primitive tag would come back as a primitive, a primitive in 26-51 as a broken template,
        // an "other" tag in a named range as that named field.
        refusedToEncode(
                aTokyoShop()
                        .merchantAccount(
                                MerchantAccountInfo.template("15", "A000000333", List.of(new DataObject("01", "42")))),
                Reason.INVALID_TAG);
        refusedToEncode(aTokyoShop().merchantAccount(MerchantAccountInfo.primitive("27", "42")), Reason.INVALID_TAG);
        refusedToEncode(aTokyoShop().merchantAccount(MerchantAccountInfo.primitive("52", "42")), Reason.INVALID_TAG);
        refusedToEncode(aTokyoShop().merchantAccount(MerchantAccountInfo.primitive("5", "42")), Reason.INVALID_TAG);
        refusedToEncode(aTokyoShop().otherTag(new DataObject("61", "1040045")), Reason.INVALID_TAG);
        refusedToEncode(aTokyoShop().otherTag(new DataObject("63", "ABCD")), Reason.INVALID_TAG);
        refusedToEncode(aTokyoShop().otherTag(new DataObject("6A", "x")), Reason.INVALID_TAG);
    }
}
