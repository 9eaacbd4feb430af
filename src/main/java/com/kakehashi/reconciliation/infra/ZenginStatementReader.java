package com.kakehashi.reconciliation.infra;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.common.zengin.ZenginText;
import com.kakehashi.reconciliation.domain.StatementEntry;
import com.kakehashi.reconciliation.domain.StatementHeader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The Zengin (全銀協) 入出金取引明細 (deposit and withdrawal transaction detail, 種別コード 03): fixed 200-byte
 * records in Shift_JIS (コード区分 0; EBCDIC is refused), with or without CR LF between records. Per account a
 * header (データ区分 1: account, period, 取引前残高), one data record per movement (2: 照会番号, 勘定日, 起算日,
 * 入払区分 1 入金 / 2 出金, 取引区分, 取引金額, 振込依頼人名, 摘要内容), a trailer (8: deposit and withdrawal
 * counts and sums, 取引後残高, the number of data records) and, once at the end of the file, an end record (9).
 * Dates are 和暦 (令和) YYMMDD: every published sheet of the fixed-length format prescribes 和暦 (docs/reconciliation.md
 * lists the sources; 西暦 appears only in banks' CSV exports). The layout, field by field, is in
 * docs/reconciliation.md.
 * <p>
 * Each header-to-trailer group is one statement, in yen: withdrawals are debits, deposits credits; the 照会番号
 * is the bank reference; the format carries no end-to-end id, so matching pairs lines by amount, value date
 * (起算日) and counterparty (振込依頼人名, else 摘要内容). The file is read twice (the closing balance is in the
 * trailer, after the lines): first to check its structure and totals, then to hand the lines over, so memory
 * stays bounded whatever the size. Errors name the record number (1 = the file's first record).
 */
public final class ZenginStatementReader {
    public static final int RECORD_LENGTH = 200;
    private static final int REIWA_OFFSET = 2018;
    private static final int MAX_RECORDS = 10_000_000;

    /** Opens the file again for each pass. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    private record Group(
            int headerRecord,
            StatementHeader header,
            long records,
            long depositCount,
            long depositSum,
            long withdrawalCount,
            long withdrawalSum) {}

    private ZenginStatementReader() {}

    public static int read(Path file, StatementSink sink) {
        return read(() -> Files.newInputStream(file), sink);
    }

    public static int read(Source source, StatementSink sink) {
        List<StatementHeader> headers = check(source);
        try (Records records = new Records(source.open())) {
            int group = -1;
            int seq = 0;
            for (byte[] r = records.next(); r != null; r = records.next()) {
                switch (r[0]) {
                    case '1' -> {
                        sink.begin(headers.get(++group));
                        seq = 0;
                    }
                    case '2' -> {
                        seq++;
                        try {
                            sink.entry(entry(seq, r));
                        } catch (RuntimeException e) {
                            sink.unprocessable(seq, "record " + records.number() + ": " + e.getMessage());
                        }
                    }
                    case '8' -> sink.end();
                    default -> {
                        // the end record, checked in the first pass
                    }
                }
            }
        } catch (IOException e) {
            throw new StatementFileException("unreadable Zengin statement: " + e.getMessage());
        }
        return headers.size();
    }

    /** First pass: structure (1 (2*) 8, repeated, then 9), record types, headers and trailer totals. */
    private static List<StatementHeader> check(Source source) {
        List<StatementHeader> headers = new ArrayList<>();
        try (Records records = new Records(source.open())) {
            Group open = null;
            boolean ended = false;
            for (byte[] r = records.next(); r != null; r = records.next()) {
                int n = records.number();
                if (ended) {
                    throw new StatementFileException("record " + n + ": nothing may follow the end record (データ区分 9)");
                }
                switch (r[0]) {
                    case '1' -> {
                        if (open != null) {
                            throw new StatementFileException("record " + n + ": a header before the trailer of record "
                                    + open.headerRecord() + "'s account");
                        }
                        StatementHeader header = header(r, n);
                        headers.add(header);
                        open = new Group(n, header, 0, 0, 0, 0, 0);
                    }
                    case '2' -> open = counted(open, r, n);
                    case '8' -> {
                        trailer(open, r, n, headers);
                        open = null;
                    }
                    case '9' -> {
                        if (open != null) {
                            throw new StatementFileException(
                                    "record " + n + ": the end record before a trailer (データ区分 8)");
                        }
                        ended = true;
                    }
                    default ->
                        throw new StatementFileException("record " + n + ": データ区分 '" + text(r, 0, 1)
                                + "' is none of 1 (header), 2 (data), 8 (trailer), 9 (end)");
                }
            }
            if (headers.isEmpty() || open != null || !ended) {
                throw new StatementFileException("record " + (records.number() + 1) + ": the file ends before "
                        + (headers.isEmpty()
                                ? "a header (データ区分 1)"
                                : open != null ? "its trailer (データ区分 8)" : "its end record (データ区分 9)"));
            }
            return headers;
        } catch (IOException e) {
            throw new StatementFileException("unreadable Zengin statement: " + e.getMessage());
        }
    }

    private static Group counted(Group open, byte[] r, int n) {
        if (open == null) {
            throw new StatementFileException("record " + n + ": a data record (データ区分 2) outside a header and trailer");
        }
        Group counted = new Group(
                open.headerRecord(),
                open.header(),
                open.records() + 1,
                open.depositCount(),
                open.depositSum(),
                open.withdrawalCount(),
                open.withdrawalSum());
        long amount;
        try {
            amount = number(r, 24, 12);
        } catch (IllegalArgumentException e) {
            return counted; // an unreadable amount is that line's problem, reported in the second pass; the trailer
            // then disagrees
        }
        return switch (r[21]) {
            case '1' ->
                new Group(
                        open.headerRecord(),
                        open.header(),
                        counted.records(),
                        open.depositCount() + 1,
                        Math.addExact(open.depositSum(), amount),
                        open.withdrawalCount(),
                        open.withdrawalSum());
            case '2' ->
                new Group(
                        open.headerRecord(),
                        open.header(),
                        counted.records(),
                        open.depositCount(),
                        open.depositSum(),
                        open.withdrawalCount() + 1,
                        Math.addExact(open.withdrawalSum(), amount));
            default -> counted;
        };
    }

    private static StatementHeader header(byte[] r, int n) {
        try {
            if (!text(r, 1, 2).equals("03")) {
                throw new IllegalArgumentException("種別コード '" + text(r, 1, 2) + "' is not 03 (入出金取引明細)");
            }
            if (r[3] != '0') {
                throw new IllegalArgumentException("コード区分 '" + text(r, 3, 1) + "' is not 0 (JIS/Shift_JIS)");
            }
            LocalDate from = date(r, 10, "勘定日(自)");
            LocalDate to = date(r, 16, "勘定日(至)");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("勘定日(至) " + to + " is before 勘定日(自) " + from);
            }
            String account = digits(r, 22, 4, "銀行コード") + "-" + digits(r, 41, 3, "支店コード") + "-"
                    + digits(r, 62, 1, "預金種目") + "-" + accountNumber(r);
            long opening = signed(r, 113, number(r, 115, 14), "貸越区分");
            String ref = "ZG" + account.replace("-", "") + "-" + from.toString().replace("-", "") + "-"
                    + to.toString().replace("-", "");
            return new StatementHeader(
                    StatementHeader.StatementFormat.ZENGIN,
                    account,
                    ref,
                    "JPY",
                    MinorAmount.of(opening, "JPY"),
                    null,
                    to);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new StatementFileException("record " + n + " (header): " + e.getMessage());
        }
    }

    /** The trailer's counts and sums must be those of its lines; its 取引後残高 closes the statement. */
    private static void trailer(Group open, byte[] r, int n, List<StatementHeader> headers) {
        if (open == null) {
            throw new StatementFileException("record " + n + ": a trailer (データ区分 8) without its header");
        }
        try {
            long depositCount = number(r, 1, 6);
            long depositSum = number(r, 7, 13);
            long withdrawalCount = number(r, 20, 6);
            long withdrawalSum = number(r, 26, 13);
            long closing = signed(r, 39, number(r, 40, 14), "貸越区分");
            long records = number(r, 54, 7);
            if (records != open.records()) {
                throw new IllegalArgumentException("the trailer says " + records + " data records (データ・レコード件数); "
                        + open.records() + " follow the header");
            }
            if (depositCount != open.depositCount()
                    || depositSum != open.depositSum()
                    || withdrawalCount != open.withdrawalCount()
                    || withdrawalSum != open.withdrawalSum()) {
                throw new IllegalArgumentException("the trailer says " + depositCount + " deposits of " + depositSum
                        + " yen and "
                        + withdrawalCount + " withdrawals of " + withdrawalSum + " yen; the data records hold "
                        + open.depositCount() + " of " + open.depositSum() + " and " + open.withdrawalCount() + " of "
                        + open.withdrawalSum());
            }
            StatementHeader h = open.header();
            headers.set(
                    headers.size() - 1,
                    new StatementHeader(
                            h.format(),
                            h.account(),
                            h.statementRef(),
                            h.currency(),
                            h.opening(),
                            MinorAmount.of(closing, h.currency()),
                            h.statementDate()));
        } catch (IllegalArgumentException e) {
            throw new StatementFileException("record " + n + " (trailer): " + e.getMessage());
        }
    }

    private static StatementEntry entry(int seq, byte[] r) {
        StatementEntry.Direction direction = switch (r[21]) {
            case '1' -> StatementEntry.Direction.CRDT;
            case '2' -> StatementEntry.Direction.DBIT;
            default -> throw new IllegalArgumentException("入払区分 '" + text(r, 21, 1) + "' is neither 1 (入金) nor 2 (出金)");
        };
        long yen = number(r, 24, 12);
        LocalDate booked = date(r, 9, "勘定日");
        LocalDate value = text(r, 15, 6).isBlank() || text(r, 15, 6).equals("000000") ? booked : date(r, 15, "起算日");
        String reference = text(r, 1, 8).strip();
        String remitter = text(r, 81, 48).strip();
        String memo = text(r, 159, 20).strip();
        String counterparty = !remitter.isEmpty() ? remitter : !memo.isEmpty() ? memo : null;
        return new StatementEntry(
                seq,
                seq,
                direction,
                MinorAmount.of(yen, "JPY"),
                value,
                null,
                reference.isEmpty() ? null : reference,
                counterparty,
                StatementEntry.Booking.BOOKED);
    }

    /**
     * 口座番号 is N(10) in this format (N(7) in the 総合振込): a bank account number of 7 digits, right-aligned and
     * zero-filled, so its first three digits are 0.
     */
    private static String accountNumber(byte[] r) {
        String number = digits(r, 63, 10, "口座番号");
        if (!number.startsWith("000")) {
            throw new IllegalArgumentException("口座番号 '" + number + "' has more than the 7 digits of a bank account");
        }
        return number.substring(3);
    }

    /** 貸越区分: 1 (or blank) the balance is in credit, 2 overdrawn (a debit balance, negative). */
    private static long signed(byte[] r, int at, long amount, String field) {
        return switch (r[at]) {
            case '1', ' ', '0' -> amount;
            case '2' -> -amount;
            default -> throw new IllegalArgumentException(field + " '" + text(r, at, 1) + "' is neither 1 nor 2");
        };
    }

    /** 和暦 (令和) YYMMDD: 081125 is 令和8年11月25日, 2026-11-25. */
    private static LocalDate date(byte[] r, int at, String field) {
        String value = text(r, at, 6);
        if (!value.matches("\\d{6}")) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a date YYMMDD (令和)");
        }
        try {
            return LocalDate.of(
                    REIWA_OFFSET + Integer.parseInt(value.substring(0, 2)),
                    Integer.parseInt(value.substring(2, 4)),
                    Integer.parseInt(value.substring(4, 6)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a date: " + e.getMessage());
        }
    }

    private static String digits(byte[] r, int at, int length, String field) {
        String value = text(r, at, length);
        if (!value.matches("\\d{" + length + "}")) {
            throw new IllegalArgumentException(field + " '" + value + "' is not " + length + " digits");
        }
        return value;
    }

    private static long number(byte[] r, int at, int length) {
        String value = text(r, at, length);
        if (!value.matches("\\d+")) {
            throw new IllegalArgumentException(
                    "'" + value + "' at byte " + (at + 1) + " is not a number of " + length + " digits");
        }
        return Long.parseLong(value);
    }

    private static String text(byte[] r, int at, int length) {
        return new String(r, at, length, ZenginText.SHIFT_JIS);
    }

    /** 200-byte records, CR LF (or LF) between them allowed, an EOF mark (0x1A) at the end tolerated; bounded. */
    private static final class Records implements AutoCloseable {
        private final InputStream in;
        private int number;

        Records(InputStream in) {
            this.in = new BufferedInputStream(in, 1 << 16);
        }

        byte[] next() throws IOException {
            int first;
            do {
                first = in.read();
            } while (first == '\r' || first == '\n');
            if (first == -1 || first == 0x1A) { // 0x1A: an MS-DOS end-of-file mark some banks' software still writes
                return null;
            }
            if (++number > MAX_RECORDS) {
                throw new StatementFileException("record " + number + ": more than " + MAX_RECORDS + " records");
            }
            byte[] record = new byte[RECORD_LENGTH];
            record[0] = (byte) first;
            int read = in.readNBytes(record, 1, RECORD_LENGTH - 1) + 1;
            if (read < RECORD_LENGTH) {
                throw new StatementFileException(
                        "record " + number + ": " + read + " bytes, a record has " + RECORD_LENGTH);
            }
            for (byte b : record) {
                if (b == '\r' || b == '\n') {
                    throw new StatementFileException("record " + number
                            + ": a line break inside the record (shorter than " + RECORD_LENGTH + " bytes)");
                }
            }
            return record;
        }

        int number() {
            return number;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
