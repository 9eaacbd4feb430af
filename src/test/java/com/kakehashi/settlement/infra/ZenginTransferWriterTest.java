package com.kakehashi.settlement.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.common.zengin.ZenginAccount;
import com.kakehashi.settlement.domain.MerchantNetting;
import com.kakehashi.settlement.domain.SettlementItem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Zengin 総合振込 file checked byte by byte against a worked example built by hand from the published
 * layout (全銀協 総合振込 120-byte records; the field table and its sources are in docs/settlement.md), field by
 * field, with the Shift_JIS bytes of the half-width katakana written out in hex (ｶ=B6 ｹ=B9 ﾊ=CA ｼ=BC ﾔ=D4 ﾏ=CF
 * ﾀ=C0 ﾞ=DE ﾖ=D6 ｳ=B3 ﾃ=C3 ﾝ=DD, '('=28). In the data record: 手形交換所番号 unused, so N zeros; 新規コード 0;
 * EDI情報 (C 20) with 識別表示 Y; 振込指定区分 7 (テレ振込).
 */
class ZenginTransferWriterTest {
    private static final ZenginTransferWriter.Requester HOUSE = new ZenginTransferWriter.Requester(
            "1234567890", "ｶｹﾊｼ", ZenginAccount.parse("0005-001-1-7777777").orElseThrow());

    private static SettlementItem payout(String account, String kana, long yen, String endToEndId) {
        return new SettlementItem(
                UUID.randomUUID(),
                "Shop",
                account,
                2,
                0,
                MerchantNetting.of(MinorAmount.of(yen, "JPY"), MinorAmount.of(0, "JPY"), 0),
                MinorAmount.of(yen, "JPY"),
                endToEndId,
                kana);
    }

    /** A hand-built record: ASCII pieces and raw bytes, in layout order. */
    private static byte[] record(Object... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object piece : pieces) {
            if (piece instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
            } else {
                for (int b : (int[]) piece) {
                    out.write(b);
                }
            }
        }
        byte[] bytes = out.toByteArray();
        assertThat(bytes).as("the worked example's record length").hasSize(120);
        return bytes;
    }

    private static int[] hex(int... bytes) {
        return bytes;
    }

    private static String sp(int n) {
        return " ".repeat(n);
    }

    @Test
    void aBatchIsWrittenAsTheWorkedExampleByteForByte() {
        byte[] file = ZenginTransferWriter.write(
                HOUSE,
                LocalDate.of(2026, 12, 1),
                List.of(
                        payout("0009-123-1-0012345", "ﾔﾏﾀﾞｼﾖｳﾃﾝ(ｶ", 1_280, "KKH2612010900ABCDEF120123456789AB"),
                        payout("0001-456-2-7654321", "ABC TRADING", 35_000, "KKH2612010900ABCDEF12FEDCBA987654")));

        byte[] header = record(
                "1",
                "21",
                "0",
                "1234567890",
                hex(0xB6, 0xB9, 0xCA, 0xBC),
                sp(36),
                "1201",
                "0005",
                sp(15),
                "001",
                sp(15),
                "1",
                "7777777",
                sp(17));
        byte[] first = record(
                "2",
                "0009",
                sp(15),
                "123",
                sp(15),
                "0000",
                "1",
                "0012345",
                hex(0xD4, 0xCF, 0xC0, 0xDE, 0xBC, 0xD6, 0xB3, 0xC3, 0xDD, 0x28, 0xB6),
                sp(19),
                "0000001280",
                "0",
                "ABCDEF1223456789AB  ",
                "7",
                "Y",
                sp(7));
        byte[] second = record(
                "2",
                "0001",
                sp(15),
                "456",
                sp(15),
                "0000",
                "2",
                "7654321",
                "ABC TRADING",
                sp(19),
                "0000035000",
                "0",
                "ABCDEF12DCBA987654  ",
                "7",
                "Y",
                sp(7));
        byte[] trailer = record("8", "000002", "000000036280", sp(101));
        byte[] end = record("9", sp(119));

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (byte[] r : List.of(header, first, second, trailer, end)) {
            expected.writeBytes(r);
            expected.writeBytes(new byte[] {'\r', '\n'});
        }
        assertThat(file).hasSize(5 * 122);
        for (int i = 0; i < 5; i++) {
            assertThat(Arrays.copyOfRange(file, i * 122, i * 122 + 122))
                    .as("record " + (i + 1))
                    .isEqualTo(Arrays.copyOfRange(expected.toByteArray(), i * 122, i * 122 + 122));
        }
        assertThat(file).isEqualTo(expected.toByteArray());
    }

    @Test
    void theSameBatchGivesTheSameBytes() {
        List<SettlementItem> payouts =
                List.of(payout("0009-123-1-0012345", "ﾔﾏﾀﾞ", 10, "KKH2612010900ABCDEF120123456789AB"));
        assertThat(ZenginTransferWriter.write(HOUSE, LocalDate.of(2027, 1, 4), payouts))
                .isEqualTo(ZenginTransferWriter.write(HOUSE, LocalDate.of(2027, 1, 4), payouts));
    }

    @Test
    void namesOutsideWhatZenginAllowsAreRefusedRatherThanMangled() {
        for (String kana : List.of("ﾔﾏﾀﾞ ｼｮｳﾃﾝ", "yamada", "山田商店", "ヤマダ", "ﾔﾏﾀﾞ&ｺ", "A".repeat(31))) {
            assertThatThrownBy(() -> ZenginTransferWriter.write(
                            HOUSE,
                            LocalDate.of(2026, 12, 1),
                            List.of(payout("0009-123-1-0012345", kana, 10, "KKH2612010900ABCDEF120123456789AB"))))
                    .as(kana)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aPayoutAccountNotInZenginFormIsRefused() {
        assertThatThrownBy(() -> ZenginTransferWriter.write(
                        HOUSE,
                        LocalDate.of(2026, 12, 1),
                        List.of(payout("ACC-12345", "ﾔﾏﾀﾞ", 10, "KKH2612010900ABCDEF120123456789AB"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Zengin payout account");
    }

    /** Positions (1-based, inclusive) from the layout table in docs/settlement.md, counted independently. */
    @Test
    void eachDataFieldSitsAtThePositionThePublishedLayoutGivesIt() {
        byte[] file = ZenginTransferWriter.write(
                HOUSE,
                LocalDate.of(2026, 12, 1),
                List.of(payout("0009-123-1-0012345", "ﾔﾏﾀﾞ", 1_280, "KKH2612010900ABCDEF120123456789AB")));
        String data = new String(file, 122, 120, java.nio.charset.Charset.forName("Shift_JIS"));
        assertThat(field(data, 1, 1)).as("データ区分").isEqualTo("2");
        assertThat(field(data, 2, 5)).as("被仕向銀行番号").isEqualTo("0009");
        assertThat(field(data, 21, 23)).as("被仕向支店番号").isEqualTo("123");
        assertThat(field(data, 39, 42)).as("手形交換所番号").isEqualTo("0000");
        assertThat(field(data, 43, 43)).as("預金種目").isEqualTo("1");
        assertThat(field(data, 44, 50)).as("口座番号").isEqualTo("0012345");
        assertThat(field(data, 51, 80).strip()).as("受取人名").isEqualTo("ﾔﾏﾀﾞ");
        assertThat(field(data, 81, 90)).as("振込金額").isEqualTo("0000001280");
        assertThat(field(data, 91, 91)).as("新規コード").isEqualTo("0");
        assertThat(field(data, 92, 111)).as("EDI情報").isEqualTo("ABCDEF1223456789AB  ");
        assertThat(field(data, 112, 112)).as("振込指定区分").isEqualTo("7");
        assertThat(field(data, 113, 113)).as("識別表示").isEqualTo("Y");
        assertThat(field(data, 114, 120)).as("ダミー").isBlank();
        String trailer = new String(file, 244, 120, java.nio.charset.Charset.forName("Shift_JIS"));
        assertThat(field(trailer, 2, 7)).as("合計件数").isEqualTo("000001");
        assertThat(field(trailer, 8, 19)).as("合計金額").isEqualTo("000000001280");
        assertThat(field(trailer, 20, 120)).as("ダミー").isBlank();
    }

    private static String field(String record, int from, int to) {
        return record.substring(from - 1, to);
    }
}
