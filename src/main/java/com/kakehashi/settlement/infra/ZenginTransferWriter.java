package com.kakehashi.settlement.infra;

import com.kakehashi.common.money.Currencies;
import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.common.zengin.ZenginAccount;
import com.kakehashi.common.zengin.ZenginText;
import com.kakehashi.settlement.domain.SettlementItem;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes a yen batch as a Zengin 総合振込 (bulk transfer) file: fixed 120-byte records in Shift_JIS, each
 * followed by CR LF. Record 1 (header, 種別コード 21, コード区分 0 = JIS), one record 2 per payout, record 8
 * (trailer: count and total) and record 9 (end). N fields are right-aligned and zero-filled (an unused N field,
 * 手形交換所番号, is all zeros), C fields left-aligned and space-filled. Bank and branch names are optional in the
 * format and left blank: the bank routes by code. The layout, field by field with its sources, is in
 * docs/settlement.md.
 * <p>
 * The reference travels as EDI情報 (識別表示 "Y"): the 20 characters that replace 顧客コード1/2 (which are N, digits
 * only) and that the payee's bank passes on to the merchant, so the merchant can trace the payout to its batch.
 * Deterministic: every byte derives from the batch.
 */
public final class ZenginTransferWriter {
    public static final int RECORD_LENGTH = 120;
    /** 新規コード 0: neither a first transfer (1) nor a changed account (2) that the bank must check specially. */
    private static final String NEW_CODE_OTHER = "0";
    /** 振込指定区分 7: テレ振込 (telegraphic), the only kind that carries EDI情報; 8 is 文書振込 (by document). */
    private static final String TELEGRAPHIC = "7";
    /** 識別表示 Y: the 20 bytes after 新規コード are EDI情報 (C), not 顧客コード1/2 (N). */
    private static final String EDI_FOLLOWS = "Y";

    private static final byte[] CRLF = {'\r', '\n'};

    /** The requester (委託者) of the file: the house, as registered with the bank. */
    public record Requester(String code, String kanaName, ZenginAccount account) {}

    private ZenginTransferWriter() {}

    public static byte[] write(Requester requester, LocalDate executionDate, List<SettlementItem> payouts) {
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(RECORD_LENGTH * (payouts.size() + 3) + 2 * (payouts.size() + 3));
        record(out, header(requester, executionDate));
        MinorAmount total = MinorAmount.zero(Currencies.JPY);
        for (SettlementItem item : payouts) {
            record(out, data(item));
            total = total.plus(item.net()); // a Zengin transfer pays yen: another currency is refused here
        }
        record(out, trailer(payouts.size(), total.amount()));
        record(out, "9" + spaces(119));
        return out.toByteArray();
    }

    static String header(Requester requester, LocalDate executionDate) {
        ZenginAccount account = requester.account();
        return "1" + "21" + "0" + number(Long.parseLong(requester.code()), 10) + text(requester.kanaName(), 40)
                + String.format("%02d%02d", executionDate.getMonthValue(), executionDate.getDayOfMonth())
                + account.bankCode() + spaces(15) + account.branchCode() + spaces(15) + account.depositType()
                + account.number() + spaces(17);
    }

    static String data(SettlementItem item) {
        ZenginAccount account = ZenginAccount.parse(item.payoutAccount())
                .orElseThrow(() -> new IllegalArgumentException("merchant " + item.merchantId()
                        + " has no Zengin payout account (" + ZenginAccount.FORM_DESCRIPTION + ")"));
        if (item.payoutAccountHolderKana() == null) {
            throw new IllegalArgumentException("merchant " + item.merchantId() + " has no payoutAccountHolderKana");
        }
        long yen = item.net().amount();
        if (yen > 9_999_999_999L) {
            throw new IllegalArgumentException("a Zengin transfer is at most 9,999,999,999 yen");
        }
        return "2" + account.bankCode() + spaces(15) + account.branchCode() + spaces(15) + "0000"
                + account.depositType()
                + account.number() + text(item.payoutAccountHolderKana(), 30) + number(yen, 10) + NEW_CODE_OTHER
                + text(ediInformation(item.endToEndId()), 20) + TELEGRAPHIC + EDI_FOLLOWS
                + spaces(7);
    }

    /**
     * EDI情報: the end-to-end id without "KKH" and the cut-off, i.e. 8 hex of the batch and the last 10 of the
     * merchant (18 upper-case characters, which C allows).
     */
    public static String ediInformation(String endToEndId) {
        return endToEndId.substring(13, 21) + endToEndId.substring(endToEndId.length() - 10);
    }

    static String trailer(int count, long total) {
        return "8" + number(count, 6) + number(total, 12) + spaces(101);
    }

    private static void record(ByteArrayOutputStream out, String record) {
        byte[] bytes = record.getBytes(ZenginText.SHIFT_JIS);
        if (record.length() != RECORD_LENGTH || bytes.length != RECORD_LENGTH) {
            throw new IllegalStateException("a Zengin record is " + RECORD_LENGTH + " bytes, not " + bytes.length);
        }
        out.writeBytes(bytes);
        out.writeBytes(CRLF);
    }

    private static String number(long value, int width) {
        String digits = Long.toString(value);
        if (value < 0 || digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit " + width + " digits");
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    private static String text(String value, int width) {
        ZenginText.refusal(value, width).ifPresent(reason -> {
            throw new IllegalArgumentException("'" + value + "': " + reason);
        });
        return value + spaces(width - value.length());
    }

    private static String spaces(int count) {
        return " ".repeat(count);
    }
}
