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
 * (trailer: count and total) and record 9 (end). Numbers are right-aligned and zero-filled, text is
 * left-aligned and space-filled. Bank and branch names are optional in the format and left blank: the bank
 * routes by code. 顧客コード1/2 carry the batch and merchant reference (the end-to-end id's tail), so the line
 * can be traced back. Deterministic: every byte derives from the batch.
 */
public final class ZenginTransferWriter {
    public static final int RECORD_LENGTH = 120;
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
        return "2" + account.bankCode() + spaces(15) + account.branchCode() + spaces(15) + spaces(4)
                + account.depositType()
                + account.number() + text(item.payoutAccountHolderKana(), 30) + number(yen, 10) + "0"
                + text(customerCode1(item.endToEndId()), 10) + text(customerCode2(item.endToEndId()), 10) + "7" + " "
                + spaces(7);
    }

    /** 顧客コード1: the batch part of the end-to-end id (8 hex of the batch). */
    public static String customerCode1(String endToEndId) {
        return endToEndId.substring(13, 21);
    }

    /** 顧客コード2: the last 10 hex of the merchant part of the end-to-end id. */
    public static String customerCode2(String endToEndId) {
        return endToEndId.substring(endToEndId.length() - 10);
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
