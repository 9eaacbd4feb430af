package com.kakehashi.bank.sandbox;

import com.kakehashi.bank.sandbox.SandboxStatements.Fault;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the sandbox bank does with a Zengin 総合振込 (bulk transfer, 120-byte records): it books each transfer on the
 * 取組日 from the house's account and answers with the 入出金取引明細 (200-byte records, Shift_JIS, CR LF) a Japanese
 * bank sends for that account, in the layout of docs/reconciliation.md: header (種別コード 03, the account with its
 * 口座番号 as N(10), 勘定日 from/to = the execution date in 和暦),
 * one 出金 record per transfer (取引区分 11 振込, 振込依頼人名 = the payee's kana as the bank knows it), trailer, end.
 * <p>
 * Faults, where the format can say them: DROP, SHORT_PAY and DUPLICATE as for camt.053; RETURN_AC04 is a 入金 of
 * the first transfer from its payee (the format has no return reason, so reconciliation sees a deposit it did not
 * expect); BATCH_BOOKING and LOCAL_TIMES have no Zengin form and change nothing.
 */
public final class SandboxZenginStatements {
    private static final Charset SJIS = Charset.forName("Shift_JIS");
    private static final int TRANSFER_RECORD = 120;
    private static final int STATEMENT_RECORD = 200;

    /** One transfer of the 総合振込. */
    public record Transfer(String payeeKana, long yen) {}

    /** A 総合振込 as the bank reads it: the house's account (bank-branch-type-number) and the 取組日. */
    public record TransferFile(
            String bankCode,
            String branchCode,
            char depositType,
            String accountNumber,
            LocalDate executionDate,
            List<Transfer> transfers) {}

    private SandboxZenginStatements() {}

    /**
     * Reads a 総合振込; the 取組日 is MMDD, so the year is the first on or after {@code notBefore} (the cut-off's
     * date) that gives that day.
     */
    public static TransferFile read(byte[] file, LocalDate notBefore) {
        List<String> records = records(file);
        String header = records.get(0);
        if (!header.startsWith("121")) {
            throw new IllegalArgumentException("not a 総合振込 (header 1, 種別コード 21)");
        }
        MonthDay day =
                MonthDay.of(Integer.parseInt(header.substring(54, 56)), Integer.parseInt(header.substring(56, 58)));
        LocalDate execution = day.atYear(notBefore.getYear());
        if (execution.isBefore(notBefore)) {
            execution = day.atYear(notBefore.getYear() + 1);
        }
        List<Transfer> transfers = new ArrayList<>();
        for (String r : records) {
            if (r.charAt(0) == '2') {
                transfers.add(new Transfer(r.substring(50, 80).strip(), Long.parseLong(r.substring(80, 90))));
            }
        }
        return new TransferFile(
                header.substring(58, 62),
                header.substring(77, 80),
                header.charAt(95),
                header.substring(96, 103),
                execution,
                transfers);
    }

    /** The 入出金取引明細 of the execution day, opening balance 0, faults applied. */
    public static byte[] statement(TransferFile file, Set<Fault> faults) {
        List<Transfer> out = new ArrayList<>(file.transfers());
        if (!out.isEmpty() && faults.contains(Fault.SHORT_PAY)) {
            out.set(0, new Transfer(out.get(0).payeeKana(), out.get(0).yen() - 1));
        }
        if (!out.isEmpty() && faults.contains(Fault.DUPLICATE)) {
            out.add(out.get(0));
        }
        if (!out.isEmpty() && faults.contains(Fault.DROP)) {
            out.remove(0);
        }
        String day = wareki(file.executionDate());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(
                bytes,
                "1" + "03" + "0" + day + day + day + file.bankCode() + " ".repeat(15) + file.branchCode()
                        + " ".repeat(15) + "000" + file.depositType() + "000" + file.accountNumber() + pad("ｶｹﾊｼ", 40)
                        + "1" + "0" + digits(0, 14) + " ".repeat(71));
        int reference = 0;
        long withdrawn = 0;
        for (Transfer t : out) {
            write(bytes, data(++reference, day, '2', t));
            withdrawn += t.yen();
        }
        long deposited = 0;
        int deposits = 0;
        if (!file.transfers().isEmpty() && faults.contains(Fault.RETURN_AC04)) {
            Transfer back = file.transfers().get(0);
            write(bytes, data(++reference, day, '1', back));
            deposited += back.yen();
            deposits++;
        }
        long closing = deposited - withdrawn;
        write(
                bytes,
                "8" + digits(deposits, 6) + digits(deposited, 13) + digits(out.size(), 6) + digits(withdrawn, 13)
                        + (closing < 0 ? "2" : "1") + digits(Math.abs(closing), 14) + digits(reference, 7)
                        + " ".repeat(139));
        write(bytes, "9" + " ".repeat(199));
        return bytes.toByteArray();
    }

    private static String data(int reference, String day, char direction, Transfer t) {
        return "2" + digits(reference, 8) + day + day + direction + "11" + digits(t.yen(), 12) + digits(0, 12)
                + "000000"
                + "000000" + "0" + "0000000" + "000" + digits(0, 10) + pad(t.payeeKana(), 48) + " ".repeat(15)
                + " ".repeat(15) + pad(direction == '2' ? "ﾌﾘｺﾐ" : "ﾌﾘｺﾐﾍﾝｷｬｸ", 20) + " ".repeat(20) + " ";
    }

    /** 和暦 (令和) YYMMDD: 2026-11-25 is 令和8年 → 081125. */
    static String wareki(LocalDate date) {
        return String.format("%02d%02d%02d", date.getYear() - 2018, date.getMonthValue(), date.getDayOfMonth());
    }

    private static List<String> records(byte[] file) {
        List<String> records = new ArrayList<>();
        int at = 0;
        while (at < file.length) {
            if (file[at] == '\r' || file[at] == '\n') {
                at++;
                continue;
            }
            if (at + TRANSFER_RECORD > file.length) {
                throw new IllegalArgumentException("a 総合振込 record is " + TRANSFER_RECORD + " bytes");
            }
            records.add(new String(file, at, TRANSFER_RECORD, SJIS));
            at += TRANSFER_RECORD;
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("an empty 総合振込");
        }
        return records;
    }

    private static void write(ByteArrayOutputStream out, String record) {
        byte[] bytes = record.getBytes(SJIS);
        if (bytes.length != STATEMENT_RECORD) {
            throw new IllegalStateException("a 入出金取引明細 record is " + STATEMENT_RECORD + " bytes, not " + bytes.length);
        }
        out.writeBytes(bytes);
        out.writeBytes(new byte[] {'\r', '\n'});
    }

    private static String digits(long value, int width) {
        String s = Long.toString(value);
        if (value < 0 || s.length() > width) {
            throw new IllegalArgumentException(value + " does not fit " + width + " digits");
        }
        return "0".repeat(width - s.length()) + s;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text.substring(0, width) : text + " ".repeat(width - text.length());
    }
}
