package com.kakehashi.qr.emv;

import static com.kakehashi.qr.emv.Payloads.tlv;
import static com.kakehashi.qr.emv.Payloads.withCrc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.kakehashi.qr.emv.EmvQrException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the specification forbids, each with its precise reason and where it was found. */
class DecodeRefusesTest {
    private static final String ACCOUNT = tlv("26", tlv("00", "jp.example") + tlv("01", "42"));
    private static final String REST = tlv("52", "5812") + tlv("53", "392") + tlv("58", "JP")
            + tlv("59", "SUSHI ZANMAI") + tlv("60", "TOKYO");

    private static EmvQrException refusal(String payload) {
        return catchThrowableOfType(EmvQrException.class, () -> EmvQrCodec.decode(payload));
    }

    private static void refused(String payload, Reason reason) {
        EmvQrException e = refusal(payload);
        assertThat(e).as("payload %s", payload).isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
    }

    @Test
    void aWrongCrcIsAMismatchPointingAtTheCrcValue() {
        String payload = Payloads.tokyoShop();
        String corrupted = payload.substring(0, payload.length() - 4) + (payload.endsWith("0000") ? "0001" : "0000");
        EmvQrException e = refusal(corrupted);
        assertThat(e.reason()).isEqualTo(Reason.CRC_MISMATCH);
        assertThat(e.position()).isEqualTo(payload.length() - 4);
    }

    @Test
    void aChangedCharacterIsCaughtByTheCrc() {
        String payload = Payloads.tokyoShop();
        refused(payload.replace("SUSHI ZANMAI", "SUSHI ZANMAJ"), Reason.CRC_MISMATCH);
    }

    @Test
    void aPayloadWithoutTag63OrWith63ElsewhereIsRefused() {
        refused("000201" + ACCOUNT + REST, Reason.CRC_MISSING_OR_MISPLACED);
        refused(withCrc("000201" + "63041234" + ACCOUNT + REST), Reason.DUPLICATE_TAG);
        String crcInTheMiddle = "000201" + "63041234" + ACCOUNT + REST;
        refused(crcInTheMiddle, Reason.CRC_MISSING_OR_MISPLACED);
        refused(withCrc("000201" + ACCOUNT + REST).replace("6304", "6305") + "0", Reason.INVALID_LENGTH);
    }

    @Test
    void truncatedValuesAndHeadersAreRefusedWithTheirPosition() {
        String payload = Payloads.tokyoShop();
        EmvQrException cut = refusal(payload.substring(0, payload.length() - 2));
        assertThat(cut.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(cut.position()).isEqualTo(payload.length() - 8);
        refused("000201" + "520", Reason.TRUNCATED);
        refused("0002", Reason.TRUNCATED);
    }

    @Test
    void lengthsMustBeTwoDigitsFrom01To99() {
        refused(withCrc("000201" + "52x45812" + ACCOUNT + REST), Reason.INVALID_LENGTH);
        refused(withCrc("000201" + "6100" + ACCOUNT + REST), Reason.INVALID_LENGTH);
    }

    @Test
    void anOverlongLengthSwallowsTheRestAndIsTruncated() {
        refused(withCrc("000201" + ACCOUNT + REST).replace("5912SUSHI ZANMAI", "5999SUSHI ZANMAI"), Reason.TRUNCATED);
    }

    @Test
    void tagsMustBeTwoDigits() {
        refused(withCrc("000201" + "5A045812" + ACCOUNT + REST), Reason.INVALID_TAG);
    }

    @Test
    void duplicateTagsAreRefusedAtTopLevelAndInsideTemplates() {
        refused(withCrc("000201" + ACCOUNT + REST + tlv("59", "OTHER")), Reason.DUPLICATE_TAG);
        refused(withCrc("000201" + tlv("26", tlv("00", "jp.example") + tlv("01", "1") + tlv("01", "2")) + REST),
                Reason.DUPLICATE_TAG);
    }

    @Test
    void tag00MustComeFirst() {
        refused(withCrc(ACCOUNT + "000201" + REST), Reason.MISPLACED_TAG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"52", "53", "58", "59", "60"})
    void eachMandatoryTagIsRequired(String tag) {
        String without = removeTag(REST, tag);
        assertThat(without).isNotEqualTo(REST);
        refused(withCrc("000201" + ACCOUNT + without), Reason.MISSING_MANDATORY_TAG);
    }

    @Test
    void thePayloadFormatIndicatorAndAMerchantAccountAreRequired() {
        refused(withCrc(ACCOUNT + REST), Reason.MISPLACED_TAG);
        refused(withCrc("000201" + REST), Reason.MISSING_MANDATORY_TAG);
    }

    @Test
    void controlCharactersAndNonAsciiInAlphanumericFieldsAreRefused() {
        refused(withCrc("000201" + ACCOUNT + REST.replace("5912SUSHI ZANMAI", "5912SUSHI\nZANMAI")),
                Reason.INVALID_CHARACTER);
        refused(withCrc("000201" + ACCOUNT + REST.replace("5912SUSHI ZANMAI", tlv("59", "すし ざんまい"))),
                Reason.INVALID_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12a", "-5", "1.2.3", "1,000", "12345678901234", ".", "1e5"})
    void malformedAmountsAreRefused(String amount) {
        refused(Payloads.tokyoShop(tlv("54", amount)), Reason.INVALID_AMOUNT);
    }

    @Test
    void codedValuesOutsideTheirListsAreRefused() {
        refused(withCrc("000203" + ACCOUNT + REST), Reason.INVALID_VALUE);
        refused(withCrc("000201" + tlv("01", "13") + ACCOUNT + REST), Reason.INVALID_VALUE);
        refused(withCrc("000201" + ACCOUNT + REST.replace("52045812", "5204581A")), Reason.INVALID_VALUE);
        refused(withCrc("000201" + ACCOUNT + REST.replace("5303392", "5303JPY")), Reason.INVALID_VALUE);
        refused(withCrc("000201" + ACCOUNT + REST.replace("5802JP", "5802jp")), Reason.INVALID_VALUE);
        refused(Payloads.tokyoShop(tlv("55", "04")), Reason.INVALID_VALUE);
    }

    @Test
    void merchantAccountTemplatesNeedAGloballyUniqueIdAndWellFormedContent() {
        refused(withCrc("000201" + tlv("26", tlv("01", "42")) + REST), Reason.INVALID_TEMPLATE);
        refused(withCrc("000201" + tlv("26", "0010jp") + REST), Reason.INVALID_TEMPLATE);
        refused(withCrc("000201" + ACCOUNT + REST + tlv("64", tlv("01", "名前"))), Reason.INVALID_TEMPLATE);
        refused(withCrc("000201" + ACCOUNT + REST + tlv("85", "not tlv")), Reason.INVALID_TEMPLATE);
    }

    @Test
    void fieldsLongerThanTheSpecificationAllowsAreRefused() {
        refused(withCrc("000201" + ACCOUNT + REST.replace("5912SUSHI ZANMAI", tlv("59", "A".repeat(26)))),
                Reason.INVALID_LENGTH);
        refused(withCrc("000201" + ACCOUNT + REST.replace("6005TOKYO", tlv("60", "B".repeat(16)))),
                Reason.INVALID_LENGTH);
    }

    @Test
    void feesMustMatchTheirIndicator() {
        refused(Payloads.tokyoShop(tlv("56", "100")), Reason.INVALID_VALUE);
        refused(Payloads.tokyoShop(tlv("55", "02")), Reason.MISSING_MANDATORY_TAG);
        refused(Payloads.tokyoShop(tlv("55", "03"), tlv("57", "100")), Reason.INVALID_VALUE);
    }

    @Test
    void emptyAndMissingPayloadsAreRefused() {
        refused("", Reason.EMPTY_PAYLOAD);
        refused(null, Reason.EMPTY_PAYLOAD);
    }

    private static String removeTag(String objects, String tag) {
        StringBuilder kept = new StringBuilder();
        int at = 0;
        while (at < objects.length()) {
            int length = Integer.parseInt(objects.substring(at + 2, at + 4));
            String object = objects.substring(at, at + 4 + length);
            if (!object.startsWith(tag)) {
                kept.append(object);
            }
            at += 4 + length;
        }
        return kept.toString();
    }
}
