package com.kakehashi.reconciliation;

import static com.kakehashi.support.ReconciliationFixtures.anInstruction;
import static com.kakehashi.support.ReconciliationFixtures.breaks;
import static com.kakehashi.support.ReconciliationFixtures.openBreaks;
import static com.kakehashi.support.SettlementFixtures.aSettlementBank;
import static com.kakehashi.support.StatementUploads.submitAndWait;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.kakehashi.reconciliation.application.StatementPickUp;
import com.kakehashi.reconciliation.application.Statements;
import com.kakehashi.support.StatementUploads;
import com.kakehashi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the Zengin 入出金取引明細 (種別コード 03), written here byte by byte from the 全銀協 record layout
 * (200-byte records: 1 header, 2 data, 8 trailer, 9 end), not by any writer of ours. Half-width kana are written as
 * their Shift_JIS bytes (ﾔ = D4, ﾏ = CF, ﾀ = C0, ﾞ = DE, ...). Dates are 和暦: 令和8年11月25日 = 081125.
 */
@QuarkusTest
class ZenginStatementTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final String WAREKI = "081125";
    /** ﾔﾏﾀﾞｼﾖｳﾃﾝ */
    private static final int[] YAMADA = {0xD4, 0xCF, 0xC0, 0xDE, 0xBC, 0xD6, 0xB3, 0xC3, 0xDD};
    /** ｶﾌﾞｼｷｶﾞｲｼﾔ */
    private static final int[] KABUSHIKI = {0xB6, 0xCC, 0xDE, 0xBC, 0xB7, 0xB6, 0xDE, 0xB2, 0xBC, 0xD4};
    /** ｽｽﾞｷ ﾀﾛｳ */
    private static final int[] SUZUKI = {0xBD, 0xBD, 0xDE, 0xB7, 0x20, 0xC0, 0xDB, 0xB3};
    /** ｶｹﾊｼ */
    private static final int[] KAKEHASHI = {0xB6, 0xB9, 0xCA, 0xBC};

    @Inject
    com.kakehashi.reconciliation.application.Expectations expectations;

    @Inject
    StatementPickUp pickUp;

    @Inject
    Statements statements;

    /** One fixed-length record, field by field: numbers right-aligned zero-filled, text left-aligned space-filled. */
    private static final class Rec {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Rec n(long value, int width) {
            String digits = Long.toString(value);
            return ascii("0".repeat(width - digits.length()) + digits);
        }

        Rec a(String text, int width) {
            return ascii(text + " ".repeat(width - text.length()));
        }

        Rec kana(int width, int... sjis) {
            for (int b : sjis) {
                bytes.write(b);
            }
            return ascii(" ".repeat(width - sjis.length));
        }

        Rec ascii(String text) {
            bytes.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        byte[] done() {
            byte[] record = bytes.toByteArray();
            assertThat(record).as("a record of the 入出金取引明細").hasSize(200);
            return record;
        }
    }

    /** The house's account number at the bank: each test its own (breaks are keyed by account and statement). */
    private final int account = java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);

    /**
     * データ区分 1: 種別コード 03, コード区分 0, dates, bank 0005 branch 123, ダミー 000, 普通, 口座番号 {@link #account} as
     * N(10), ｶｹﾊｼ, 貸越区分 1, 通帳・証書区分 0, 取引前残高, ダミー (71).
     */
    private byte[] header(long opening) {
        return header(opening, WAREKI, WAREKI);
    }

    private byte[] header(long opening, String from, String to) {
        return new Rec()
                .a("1", 1)
                .a("03", 2)
                .a("0", 1)
                .a(to, 6)
                .a(from, 6)
                .a(to, 6)
                .n(5, 4)
                .a("", 15)
                .n(123, 3)
                .a("", 15)
                .a("000", 3)
                .n(1, 1)
                .n(account, 10)
                .kana(40, KAKEHASHI)
                .a("1", 1)
                .a("0", 1)
                .n(opening, 14)
                .a("", 71)
                .done();
    }

    /** データ区分 2: 照会番号, 勘定日, 起算日, 入払区分, 取引区分 11 振込, 取引金額, ..., 振込依頼人名, 摘要内容. */
    private static byte[] data(int reference, char direction, long yen, int... name) {
        return data(reference, WAREKI, direction, yen, name);
    }

    private static byte[] data(int reference, String day, char direction, long yen, int... name) {
        return new Rec()
                .a("2", 1)
                .n(reference, 8)
                .a(day, 6)
                .a(day, 6)
                .a(String.valueOf(direction), 1)
                .a("11", 2)
                .n(yen, 12)
                .n(0, 12)
                .n(0, 6)
                .n(0, 6)
                .n(0, 1)
                .n(0, 7)
                .n(0, 3)
                .n(0, 10)
                .kana(48, name)
                .a("", 15)
                .a("", 15)
                .a("", 20)
                .a("", 20)
                .a("", 1)
                .done();
    }

    /** データ区分 8: 入金件数, 入金額合計, 出金件数, 出金額合計, 貸越区分, 取引後残高, データレコード件数. */
    private static byte[] trailer(int deposits, long depositSum, int withdrawals, long withdrawalSum, long closing) {
        return trailer(deposits, depositSum, withdrawals, withdrawalSum, closing, deposits + withdrawals);
    }

    private static byte[] trailer(
            int deposits, long depositSum, int withdrawals, long withdrawalSum, long closing, int records) {
        return new Rec()
                .a("8", 1)
                .n(deposits, 6)
                .n(depositSum, 13)
                .n(withdrawals, 6)
                .n(withdrawalSum, 13)
                .a("1", 1)
                .n(closing, 14)
                .n(records, 7)
                .a("", 139)
                .done();
    }

    private static byte[] end() {
        return new Rec().a("9", 1).a("", 199).done();
    }

    private static byte[] file(boolean crlf, byte[]... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : records) {
            out.writeBytes(r);
            if (crlf) {
                out.writeBytes(new byte[] {'\r', '\n'});
            }
        }
        return out.toByteArray();
    }

    /** Two payouts and a deposit nobody expected, 100,000 - 12,000 - 3,500 + 5,000 = 89,500. */
    private byte[] aDay(boolean crlf) {
        return file(
                crlf,
                header(100_000),
                data(1, '2', 12_000, YAMADA),
                data(2, '2', 3_500, KABUSHIKI),
                data(3, '1', 5_000, SUZUKI),
                trailer(1, 5_000, 2, 15_500, 89_500),
                end());
    }

    private static String submitZengin(String bank, byte[] body) {
        return submitAndWait(bank, "application/x-zengin", body)
                .then()
                .extract()
                .asString();
    }

    @Test
    void aZenginStatementWithoutLineBreaksMatchesPayoutsByAmountDateAndKanaName() {
        String bank = aSettlementBank("JPY");
        anInstruction(expectations, bank, "ZA-" + bank, 12_000, DAY, "ﾔﾏﾀﾞｼﾖｳﾃﾝ", UUID.randomUUID());
        anInstruction(expectations, bank, "ZB-" + bank, 3_500, DAY, "ｶﾌﾞｼｷｶﾞｲｼﾔ", UUID.randomUUID());

        submitAndWait(bank, "application/x-zengin", aDay(false))
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("format", equalTo("ZENGIN"))
                .body("statements", equalTo(1))
                .body("entries", equalTo(3))
                .body("unprocessable", equalTo(0))
                .body("balanced", equalTo(true));

        // Both withdrawals matched their payouts; the deposit is the one thing to chase, named as the bank names it.
        assertThat(openBreaks(bank)).isEqualTo(Map.of("UNEXPECTED_AT_BANK", 1));
        assertThat(breaks(bank, "OPEN"))
                .singleElement()
                .satisfies(b -> assertThat(b)
                        .containsEntry("bankReference", "00000003")
                        .containsEntry("counterparty", "ｽｽﾞｷ ﾀﾛｳ")
                        .containsEntry("valueDate", DAY.toString())
                        .containsEntry("entry", 3)
                        .containsEntry("statementRef", "ZG00051231" + account + "-20261125-20261125"));
    }

    @Test
    void theSameStatementWithCrLfComesInThroughTheDropDirectoryAsAZenginFile() throws Exception {
        String bank = aSettlementBank("JPY");
        anInstruction(expectations, bank, "ZC-" + bank, 12_000, DAY, "ﾔﾏﾀﾞｼﾖｳﾃﾝ", UUID.randomUUID());
        anInstruction(expectations, bank, "ZD-" + bank, 3_500, DAY, "ｶﾌﾞｼｷｶﾞｲｼﾔ", UUID.randomUUID());
        Path root = Files.createTempDirectory("zengin-drop");
        Files.createDirectories(root.resolve(bank));
        Files.write(root.resolve(bank).resolve("NYUSHUKKIN.ZENGIN"), aDay(true));

        List<Statements.Intake> intakes = pickUp.pickUp(root);
        assertThat(intakes)
                .singleElement()
                .satisfies(i -> assertThat(i.bankId()).isEqualTo(bank));
        String id = intakes.get(0).statementId().toString();
        StatementUploads.finalStatus(id, Tokens.operator())
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("format", equalTo("ZENGIN"))
                .body("entries", equalTo(3))
                .body("balanced", equalTo(true));
        assertThat(openBreaks(bank)).isEqualTo(Map.of("UNEXPECTED_AT_BANK", 1));
        assertThat(root.resolve(bank).resolve("done").resolve("NYUSHUKKIN.ZENGIN"))
                .exists();
    }

    @Test
    void anUnreadableDataRecordIsAnUnprocessableLineNamedByItsRecordNumber() {
        String bank = aSettlementBank("JPY");
        byte[] bad = data(2, '2', 3_500, KABUSHIKI);
        bad[21] = '7'; // 入払区分 is 1 or 2
        submitAndWait(
                        bank,
                        "application/x-zengin",
                        file(
                                true,
                                header(100_000),
                                data(1, '2', 12_000, YAMADA),
                                bad,
                                trailer(0, 0, 1, 12_000, 88_000, 2), // the bank counts every data record
                                end()))
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("entries", equalTo(2))
                .body("unprocessable", equalTo(1));
        assertThat(breaks(bank, "OPEN"))
                .anySatisfy(b -> assertThat(b)
                        .containsEntry("outcome", "UNPROCESSABLE")
                        .hasEntrySatisfying(
                                "detail",
                                d -> assertThat((String) d).contains("record 3").contains("入払区分")));
    }

    @Test
    void aFileThatBreaksTheLayoutIsRefusedNamingTheRecord() {
        String bank = aSettlementBank("JPY");
        // The trailer's withdrawal total disagrees with the data records.
        submitAndWait(
                        bank,
                        "application/x-zengin",
                        file(
                                true,
                                header(100_000),
                                data(1, '2', 12_000, YAMADA),
                                trailer(0, 0, 1, 12_001, 87_999),
                                end()))
                .then()
                .body("state", equalTo("FAILED"))
                .body("problemCode", equalTo("statement_invalid"))
                .body("problemDetail", containsString("record 3"));
        // A record one byte short.
        byte[] shortRecord = java.util.Arrays.copyOf(data(1, '2', 12_000, YAMADA), 199);
        submitAndWait(
                        bank,
                        "application/x-zengin",
                        file(true, header(100_000), shortRecord, trailer(0, 0, 1, 12_000, 88_000), end()))
                .then()
                .body("state", equalTo("FAILED"))
                .body("problemDetail", containsString("record 2"));
        // Not a 入出金取引明細: 種別コード 01 is the 振込入金通知.
        byte[] transferNotice = header(100_000);
        transferNotice[2] = '1';
        submitAndWait(bank, "application/x-zengin", file(false, transferNotice, trailer(0, 0, 0, 0, 100_000), end()))
                .then()
                .body("state", equalTo("FAILED"))
                .body("problemDetail", containsString("record 1"))
                .body("problemDetail", containsString("種別コード"));
        // No end record.
        submitAndWait(bank, "application/x-zengin", file(false, header(0), trailer(0, 0, 0, 0, 0)))
                .then()
                .body("state", equalTo("FAILED"))
                .body("problemDetail", containsString("record 3"));
        assertThat(openBreaks(bank)).isEmpty();
    }

    @Test
    void datesAreWarekiSoAStatementAcrossNewYearReadsEachDatesReiwaYear() {
        String bank = aSettlementBank("JPY");
        // 令和8年12月30日 .. 令和9年1月4日 (bank holidays in between): 2026-12-30 .. 2027-01-04.
        submitAndWait(
                        bank,
                        "application/x-zengin",
                        file(
                                true,
                                header(100_000, "081230", "090104"),
                                data(1, "090104", '1', 5_000, SUZUKI),
                                trailer(1, 5_000, 0, 0, 105_000),
                                end()))
                .then()
                .body("state", equalTo("PROCESSED"))
                .body("balanced", equalTo(true));
        assertThat(breaks(bank, "OPEN"))
                .singleElement()
                .satisfies(b -> assertThat(b)
                        .containsEntry("valueDate", "2027-01-04")
                        .containsEntry("statementRef", "ZG00051231" + account + "-20261230-20270104"));
    }

    @Test
    void aTrailerWhoseRecordCountDisagreesWithItsDataRecordsIsRefused() {
        String bank = aSettlementBank("JPY");
        submitAndWait(
                        bank,
                        "application/x-zengin",
                        file(
                                true,
                                header(100_000),
                                data(1, '2', 12_000, YAMADA),
                                trailer(0, 0, 1, 12_000, 88_000, 2),
                                end()))
                .then()
                .body("state", equalTo("FAILED"))
                .body("problemDetail", containsString("record 3"))
                .body("problemDetail", containsString("データ・レコード件数"));
    }

    @Test
    void anAccountNumberLongerThanSevenDigitsIsRefused() {
        String bank = aSettlementBank("JPY");
        byte[] header = header(0);
        header[63] = '1'; // 口座番号 N(10) holds a 7-digit account, right-aligned: its first three digits are 0
        submitAndWait(bank, "application/x-zengin", file(true, header, trailer(0, 0, 0, 0, 0), end()))
                .then()
                .body("state", equalTo("FAILED"))
                .body("problemDetail", containsString("口座番号"));
    }
}
