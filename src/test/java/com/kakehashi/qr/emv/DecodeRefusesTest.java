package com.kakehashi.qr.emv;

import static com.kakehashi.qr.emv.Payloads.tlv;
import static com.kakehashi.qr.emv.Payloads.withCrc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.kakehashi.qr.emv.EmvQrException.Reason;
import com.kakehashi.qr.emv.Payloads.Body;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the specification forbids, each with its precise reason and the index where the problem starts (-1 when it
 * concerns the whole payload). Field-level refusals carry a correct CRC, so they are not merely CRC failures.
 */
class DecodeRefusesTest {
    private static void refused(String payload, Reason reason, int position) {
        EmvQrException e = catchThrowableOfType(EmvQrException.class, () -> EmvQrCodec.decode(payload));
        assertThat(e).as("refusal of %s", payload).isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
    }

    private static String replaceCrc(String payload, String crc) {
        return payload.substring(0, payload.length() - 4) + crc;
    }

    // --- CRC (tag 63) ---

    @Test
    void rejectsAPayloadWhoseCrcDoesNotMatch() {
        String payload = Payloads.tokyoShop();
        String wrong = payload.endsWith("0000") ? "0001" : "0000";
        refused(replaceCrc(payload, wrong), Reason.CRC_MISMATCH, payload.length() - 4);
    }

    @Test
    void rejectsAChangedCharacterBecauseTheCrcNoLongerMatches() {
        String payload = Payloads.tokyoShop();
        refused(payload.replace("SUSHI ZANMAI", "SUSHI ZANMAJ"), Reason.CRC_MISMATCH, payload.length() - 4);
        refused(payload.replace("5303392", "5303840"), Reason.CRC_MISMATCH, payload.length() - 4);
    }

    @Test
    void rejectsAPayloadWithoutTag63() {
        refused(Body.tokyoShop().text(), Reason.CRC_MISSING_OR_MISPLACED, -1);
    }

    @Test
    void rejectsTag63ThatIsNotTheLastDataObject() {
        Body body = Body.tokyoShop().insertBefore("52", "63041234");
        refused(body.text(), Reason.CRC_MISSING_OR_MISPLACED, body.positionOf("63"));
        String payload = Payloads.tokyoShop();
        refused(payload + tlv("65", "AFTER THE CRC"), Reason.CRC_MISSING_OR_MISPLACED, payload.length() - 8);
    }

    @Test
    void aSecondTag63IsADuplicate() {
        String payload = Body.tokyoShop().insertBefore("52", "63041234").payload();
        refused(payload, Reason.DUPLICATE_TAG, payload.length() - 8);
    }

    @Test
    void rejectsACrcWhoseLengthIsNot04() {
        String payload = Payloads.tokyoShop();
        String crcAt = payload.substring(0, payload.length() - 8);
        refused(
                crcAt + "6305" + payload.substring(payload.length() - 4) + "0",
                Reason.INVALID_LENGTH,
                crcAt.length() + 2);
        refused(
                crcAt + "6303" + payload.substring(payload.length() - 4, payload.length() - 1),
                Reason.INVALID_LENGTH,
                crcAt.length() + 2);
    }

    @Test
    void rejectsACrcThatIsNotFourHexadecimalDigits() {
        String payload = Payloads.tokyoShop();
        refused(replaceCrc(payload, "12G4"), Reason.INVALID_CHARACTER, payload.length() - 4);
        // Full-width digits are digits to Character.digit, but not to a CRC.
        refused(replaceCrc(payload, "１２３４"), Reason.INVALID_CHARACTER, payload.length() - 4);
    }

    // --- structure ---

    @Test
    void rejectsATruncatedValueWhereItsDataObjectStarts() {
        String payload = Payloads.tokyoShop();
        refused(payload.substring(0, payload.length() - 2), Reason.TRUNCATED, payload.length() - 8);
        refused("000201" + "5904AB", Reason.TRUNCATED, 6);
    }

    @Test
    void rejectsATruncatedHeaderWhereItStarts() {
        refused("000201" + "520", Reason.TRUNCATED, 6);
        refused("000201" + "5", Reason.TRUNCATED, 6);
        refused("00", Reason.TRUNCATED, 0);
        refused("0002", Reason.TRUNCATED, 0);
    }

    @Test
    void rejectsADeclaredLengthLongerThanWhatFollows() {
        Body body = Body.tokyoShop().raw("59", "5999SUSHI ZANMAI");
        refused(body.payload(), Reason.TRUNCATED, body.positionOf("59"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x4", "4x", " 4", "-1", "00", "４"})
    void rejectsALengthThatIsNotTwoDigitsFrom01To99(String length) {
        Body body = Body.tokyoShop().raw("52", "52" + length + "5812");
        refused(body.payload(), Reason.INVALID_LENGTH, body.positionOf("52") + 2);
    }

    @Test
    void rejectsATagThatIsNotTwoDigits() {
        Body body = Body.tokyoShop().raw("52", "5A045812");
        refused(body.payload(), Reason.INVALID_TAG, body.positionOf("5A"));
    }

    @Test
    void rejectsADuplicateTagAtTheTopLevelAtItsSecondOccurrence() {
        Body body = Body.tokyoShop();
        int second = body.text().length();
        refused(body.append(tlv("59", "OTHER SHOP")).payload(), Reason.DUPLICATE_TAG, second);
    }

    @Test
    void rejectsADuplicateTagInsideATemplateAtItsSecondOccurrence() {
        String guid = tlv("00", "jp.example");
        Body body = Body.tokyoShop().set("26", guid + tlv("01", "1") + tlv("01", "2"));
        refused(body.payload(), Reason.DUPLICATE_TAG, body.positionOf("26") + 4 + guid.length() + 5);

        Body language = Body.tokyoShop().append(tlv("64", tlv("00", "JA") + tlv("00", "EN") + tlv("01", "すし")));
        refused(language.payload(), Reason.DUPLICATE_TAG, language.positionOf("64") + 4 + 6);
    }

    @Test
    void rejectsTag00ThatIsNotFirst() {
        String payload = withCrc(tlv("01", "11")
                + tlv("00", "01")
                + tlv("26", tlv("00", "jp.example"))
                + tlv("52", "5812")
                + tlv("53", "392")
                + tlv("58", "JP")
                + tlv("59", "SUSHI ZANMAI")
                + tlv("60", "TOKYO"));
        refused(payload, Reason.MISPLACED_TAG, 6);
    }

    // --- mandatory data objects ---

    @ParameterizedTest
    @ValueSource(strings = {"00", "52", "53", "58", "59", "60"})
    void rejectsAPayloadWithoutMandatoryTag(String tag) {
        refused(Body.tokyoShop().without(tag).payload(), Reason.MISSING_MANDATORY_TAG, -1);
    }

    @Test
    void rejectsAPayloadWithoutAnyMerchantAccount() {
        refused(Body.tokyoShop().without("26").payload(), Reason.MISSING_MANDATORY_TAG, -1);
        // An unreserved template is not a merchant account.
        refused(
                Body.tokyoShop()
                        .without("26")
                        .append(tlv("80", tlv("00", "jp.example")))
                        .payload(),
                Reason.MISSING_MANDATORY_TAG,
                -1);
    }

    @Test
    void rejectsAPayloadThatIsOnlyACrc() {
        refused(withCrc(""), Reason.MISSING_MANDATORY_TAG, -1);
    }

    // --- characters ---

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F})
    void rejectsAControlCharacterAnywhereAtItsIndex(int control) {
        String c = String.valueOf((char) control);
        Body name = Body.tokyoShop().set("59", "SUSHI" + c + "ZANMAI");
        refused(name.payload(), Reason.INVALID_CHARACTER, name.positionOf("59") + 4 + 5);
        // Even where any other Unicode character is allowed.
        Body language = Body.tokyoShop().append(tlv("64", tlv("00", "JA") + tlv("01", "すし" + c)));
        refused(language.payload(), Reason.INVALID_CHARACTER, language.positionOf("64") + 4 + 6 + 4 + 2);
        Body rfu = Body.tokyoShop().append(tlv("65", c));
        refused(rfu.payload(), Reason.INVALID_CHARACTER, rfu.positionOf("65") + 4);
    }

    @Test
    void rejectsALoneSurrogateAtItsIndex() {
        Body high = Body.tokyoShop().append(tlv("64", tlv("00", "JA") + tlv("01", "A\uD842B")));
        refused(high.payload(), Reason.INVALID_CHARACTER, high.positionOf("64") + 4 + 6 + 4 + 1);
        Body low = Body.tokyoShop().append(tlv("64", tlv("00", "JA") + tlv("01", "A\uDFB7B")));
        refused(low.payload(), Reason.INVALID_CHARACTER, low.positionOf("64") + 4 + 6 + 4 + 1);
        String payload = Payloads.tokyoShop();
        refused(payload + "\uD842", Reason.INVALID_CHARACTER, payload.length());
    }

    @Test
    void rejectsNonAsciiInAlphanumericSpecialFieldsAtTheCharacter() {
        Body name = Body.tokyoShop().set("59", "SUSHI ZANMAÏ");
        refused(name.payload(), Reason.INVALID_CHARACTER, name.positionOf("59") + 4 + 11);
        Body kana = Body.tokyoShop().set("59", "すし ざんまい");
        refused(kana.payload(), Reason.INVALID_CHARACTER, kana.positionOf("59") + 4);
        Body city = Body.tokyoShop().set("60", "東京");
        refused(city.payload(), Reason.INVALID_CHARACTER, city.positionOf("60") + 4);
        Body postal = Body.tokyoShop().append(tlv("61", "〒1040045"));
        refused(postal.payload(), Reason.INVALID_CHARACTER, postal.positionOf("61") + 4);
        Body primitive = Body.tokyoShop().insertBefore("26", tlv("15", "ユニオンペイ"));
        refused(primitive.payload(), Reason.INVALID_CHARACTER, primitive.positionOf("15") + 4);
        Body subValue = Body.tokyoShop().set("26", tlv("00", "jp.example") + tlv("01", "店舗"));
        refused(subValue.payload(), Reason.INVALID_CHARACTER, subValue.positionOf("26") + 4 + 14 + 4);
        Body reference = Body.tokyoShop().append(tlv("62", tlv("05", "注文")));
        refused(reference.payload(), Reason.INVALID_CHARACTER, reference.positionOf("62") + 4 + 4);
    }

    // --- values ---

    @ParameterizedTest
    @ValueSource(strings = {"12a", "-5", "+5", "1.2.3", "1,000", "12345678901234", ".", "1e5", " 5", "5 ", "١٢٣", "１２"})
    void rejectsAMalformedAmount(String amount) {
        Body body = Body.tokyoShop().insertBefore("58", tlv("54", amount));
        refused(body.payload(), Reason.INVALID_AMOUNT, body.positionOf("54") + 4);
    }

    @Test
    void rejectsAMalformedFixedFee() {
        Body body = Body.tokyoShop().insertBefore("58", tlv("55", "02")).insertBefore("58", tlv("56", "1,5"));
        refused(body.payload(), Reason.INVALID_AMOUNT, body.positionOf("56") + 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "03", "1", "001", "O1"})
    void rejectsAPayloadFormatIndicatorOtherThan01Or02(String indicator) {
        refused(Body.tokyoShop().set("00", indicator).payload(), Reason.INVALID_VALUE, 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "13", "21", "1", "011"})
    void rejectsAPointOfInitiationOtherThan11Or12(String method) {
        Body body = Body.tokyoShop().set("01", method);
        refused(body.payload(), Reason.INVALID_VALUE, body.positionOf("01") + 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"581A", "581", "58120", "５８１２"})
    void rejectsAMerchantCategoryCodeThatIsNotFourDigits(String mcc) {
        Body body = Body.tokyoShop().set("52", mcc);
        refused(body.payload(), Reason.INVALID_VALUE, body.positionOf("52") + 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JPY", "39", "3920", "39 "})
    void rejectsACurrencyThatIsNotThreeDigits(String currency) {
        Body body = Body.tokyoShop().set("53", currency);
        refused(body.payload(), Reason.INVALID_VALUE, body.positionOf("53") + 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jp", "Jp", "J1", "JPN", "J", "ÅL"})
    void rejectsACountryThatIsNotTwoUppercaseLetters(String country) {
        Body body = Body.tokyoShop().set("58", country);
        refused(body.payload(), Reason.INVALID_VALUE, body.positionOf("58") + 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "04", "1", "2"})
    void rejectsATipIndicatorOtherThan0102Or03(String indicator) {
        Body body = Body.tokyoShop().insertBefore("58", tlv("55", indicator));
        refused(body.payload(), Reason.INVALID_VALUE, body.positionOf("55") + 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "00", "100", "100.0", "150.5"})
    void rejectsAPercentageFeeOutside0To100(String percentage) {
        Body body = Body.tokyoShop().insertBefore("58", tlv("55", "03")).insertBefore("58", tlv("57", percentage));
        refused(body.payload(), Reason.INVALID_VALUE, body.positionOf("57") + 4);
    }

    @Test
    void rejectsFeesWithoutTheirIndicatorAndIndicatorsWithoutTheirFee() {
        Body fixedAlone = Body.tokyoShop().insertBefore("58", tlv("56", "100"));
        refused(fixedAlone.payload(), Reason.INVALID_VALUE, fixedAlone.positionOf("56"));
        Body fixedMissing = Body.tokyoShop().insertBefore("58", tlv("55", "02"));
        refused(fixedMissing.payload(), Reason.MISSING_MANDATORY_TAG, fixedMissing.positionOf("55"));
        Body percentageMissing = Body.tokyoShop().insertBefore("58", tlv("55", "03"));
        refused(percentageMissing.payload(), Reason.MISSING_MANDATORY_TAG, percentageMissing.positionOf("55"));
        Body percentageWithTip =
                Body.tokyoShop().insertBefore("58", tlv("55", "01")).insertBefore("58", tlv("57", "5"));
        refused(percentageWithTip.payload(), Reason.INVALID_VALUE, percentageWithTip.positionOf("57"));
        Body bothFees = Body.tokyoShop()
                .insertBefore("58", tlv("55", "03"))
                .insertBefore("58", tlv("56", "100"))
                .insertBefore("58", tlv("57", "5"));
        refused(bothFees.payload(), Reason.INVALID_VALUE, bothFees.positionOf("56"));
    }

    // --- lengths of named fields ---

    @Test
    void rejectsFieldsLongerThanTheSpecificationAllowsAtTheirLength() {
        Body name = Body.tokyoShop().set("59", "A".repeat(26));
        refused(name.payload(), Reason.INVALID_LENGTH, name.positionOf("59") + 2);
        Body city = Body.tokyoShop().set("60", "B".repeat(16));
        refused(city.payload(), Reason.INVALID_LENGTH, city.positionOf("60") + 2);
        Body postal = Body.tokyoShop().append(tlv("61", "1".repeat(11)));
        refused(postal.payload(), Reason.INVALID_LENGTH, postal.positionOf("61") + 2);
        Body guid = Body.tokyoShop().set("26", tlv("00", "G".repeat(33)));
        refused(guid.payload(), Reason.INVALID_LENGTH, guid.positionOf("26") + 4 + 2);
        Body reference = Body.tokyoShop().append(tlv("62", tlv("01", "R".repeat(26))));
        refused(reference.payload(), Reason.INVALID_LENGTH, reference.positionOf("62") + 4 + 2);
    }

    // --- templates ---

    @Test
    void rejectsAMerchantAccountTemplateWithoutAGloballyUniqueIdentifier() {
        Body body = Body.tokyoShop().set("26", tlv("01", "42"));
        refused(body.payload(), Reason.INVALID_TEMPLATE, body.positionOf("26") + 4);
    }

    @Test
    void rejectsAMerchantAccountTemplateWhoseContentIsNotTlvWhereItBreaks() {
        Body truncatedInside = Body.tokyoShop().set("26", "0010jp");
        refused(truncatedInside.payload(), Reason.INVALID_TEMPLATE, truncatedInside.positionOf("26") + 4);
        Body text = Body.tokyoShop().set("26", "hello world");
        refused(text.payload(), Reason.INVALID_TEMPLATE, text.positionOf("26") + 4);
        Body zeroLength = Body.tokyoShop().set("26", tlv("00", "jp.example") + "0100");
        refused(zeroLength.payload(), Reason.INVALID_TEMPLATE, zeroLength.positionOf("26") + 4 + 14 + 2);
        Body cutHeader = Body.tokyoShop().set("26", tlv("00", "jp.example") + "01");
        refused(cutHeader.payload(), Reason.INVALID_TEMPLATE, cutHeader.positionOf("26") + 4 + 14);
    }

    @Test
    void rejectsALanguageTemplateWithoutItsMandatorySubTags() {
        Body noName = Body.tokyoShop().append(tlv("64", tlv("00", "JA") + tlv("02", "東京")));
        refused(noName.payload(), Reason.INVALID_TEMPLATE, noName.positionOf("64") + 4);
        Body noLanguage = Body.tokyoShop().append(tlv("64", tlv("01", "すし")));
        refused(noLanguage.payload(), Reason.INVALID_TEMPLATE, noLanguage.positionOf("64") + 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z1", "ZHO", "Z", "日本"})
    void rejectsALanguagePreferenceThatIsNotTwoLetters(String language) {
        Body body = Body.tokyoShop().append(tlv("64", tlv("00", language) + tlv("01", "すし")));
        refused(body.payload(), Reason.INVALID_VALUE, body.positionOf("64") + 4 + 4);
    }

    @Test
    void rejectsAlternateNamesAndCitiesLongerThanTheirLatinLimitsInCharacters() {
        String name = "寿".repeat(26);
        Body longName = Body.tokyoShop().append(tlv("64", tlv("00", "JA") + tlv("01", name)));
        refused(longName.payload(), Reason.INVALID_LENGTH, longName.positionOf("64") + 4 + 6 + 2);
        Body longCity =
                Body.tokyoShop().append(tlv("64", tlv("00", "JA") + tlv("01", "すし") + tlv("02", "𠮷".repeat(16))));
        refused(longCity.payload(), Reason.INVALID_LENGTH, longCity.positionOf("64") + 4 + 6 + 6 + 2);
    }

    @Test
    void rejectsAnAdditionalDataOrUnreservedTemplateThatIsNotTlv() {
        Body additional = Body.tokyoShop().append(tlv("62", "not tlv"));
        refused(additional.payload(), Reason.INVALID_TEMPLATE, additional.positionOf("62") + 4);
        Body unreserved = Body.tokyoShop().append(tlv("85", "not tlv"));
        refused(unreserved.payload(), Reason.INVALID_TEMPLATE, unreserved.positionOf("85") + 4);
    }

    // --- nothing to read ---

    @Test
    void rejectsAnEmptyOrNullPayload() {
        refused("", Reason.EMPTY_PAYLOAD, -1);
        refused(null, Reason.EMPTY_PAYLOAD, -1);
    }
}
