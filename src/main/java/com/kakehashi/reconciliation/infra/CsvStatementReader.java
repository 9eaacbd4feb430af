package com.kakehashi.reconciliation.infra;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.reconciliation.domain.StatementEntry;
import com.kakehashi.reconciliation.domain.StatementEntry.Booking;
import com.kakehashi.reconciliation.domain.StatementHeader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The documented CSV statement (docs/reconciliation.md), read with Apache Commons CSV (RFC 4180 quoting,
 * CRLF or LF, a leading BOM, '#' comments), in UTF-8 or the charset the upload names (Shift_JIS for
 * Japanese banks): {@code statement,<ref>,<account>,<currency>,<date>,<opening>,<closing>}, then a header
 * naming the columns (any order, any case; duplicates refused), then one entry per record. Required
 * columns: direction, amount, value_date; optional: seq, end_to_end_id, bank_reference, counterparty,
 * status (BOOK/PDNG), reversal (true/false), return_reason, batch_ref. A record that cannot be read is
 * reported as unprocessable; the statement line and the header must be right or the file is refused.
 */
public final class CsvStatementReader {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .get();
    private static final String[] REQUIRED = {"direction", "amount", "value_date"};

    private CsvStatementReader() {}

    public static int read(InputStream csv, Charset charset, StatementSink sink) {
        try (Reader reader = withoutBom(new BufferedReader(new InputStreamReader(csv, charset)));
                CSVParser parser = FORMAT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            StatementHeader header = statementLine(next(records, "no statement line"));
            Map<String, Integer> columns = columns(next(records, "no header line"));
            CurrencyUnit currency = Monetary.getCurrency(header.currency());
            sink.begin(header);
            int seq = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                seq++;
                try {
                    sink.entry(entry(seq, record, columns, currency));
                } catch (RuntimeException e) {
                    sink.unprocessable(seq, "line " + record.getRecordNumber() + ": " + e.getMessage());
                }
            }
            sink.end();
            return 1;
        } catch (IOException e) {
            throw new StatementFileException("unreadable: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new StatementFileException("unreadable CSV: " + e.getMessage());
        }
    }

    private static CSVRecord next(Iterator<CSVRecord> records, String missing) {
        if (!records.hasNext()) {
            throw new StatementFileException(missing);
        }
        return records.next();
    }

    private static StatementHeader statementLine(CSVRecord r) {
        try {
            if (r.size() != 7 || !r.get(0).strip().equalsIgnoreCase("statement")) {
                throw new IllegalArgumentException(
                        "expected 'statement,<ref>,<account>,<currency>,<date>,<opening>,<closing>'");
            }
            CurrencyUnit currency = Monetary.getCurrency(r.get(3).strip());
            return new StatementHeader(
                    StatementHeader.StatementFormat.CSV,
                    r.get(2).strip(),
                    r.get(1).strip(),
                    currency.getCurrencyCode(),
                    balance(r.get(5), currency),
                    balance(r.get(6), currency),
                    LocalDate.parse(r.get(4).strip()));
        } catch (RuntimeException e) {
            throw new StatementFileException("line " + r.getRecordNumber() + ": " + e.getMessage());
        }
    }

    private static MinorAmount balance(String value, CurrencyUnit currency) {
        return value.isBlank() ? null : MinorAmount.parse(value.strip(), currency);
    }

    private static Map<String, Integer> columns(CSVRecord r) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            String name = r.get(i).strip().toLowerCase(Locale.ROOT);
            if (columns.put(name, i) != null) {
                throw new StatementFileException(
                        "line " + r.getRecordNumber() + ": column '" + name + "' appears twice");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new StatementFileException("line " + r.getRecordNumber() + ": the header lacks the column '"
                        + required + "' (seq,direction,amount,value_date,end_to_end_id,bank_reference,counterparty)");
            }
        }
        return columns;
    }

    private static StatementEntry entry(int seq, CSVRecord r, Map<String, Integer> columns, CurrencyUnit currency) {
        if (r.size() != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " fields, found " + r.size());
        }
        String bankSeq = field(r, columns, "seq");
        int entryNo = bankSeq == null ? seq : Integer.parseInt(bankSeq);
        MinorAmount amount;
        try {
            amount = MinorAmount.parse(field(r, columns, "amount"), currency);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("amount '" + field(r, columns, "amount") + "' is not an exact "
                    + currency.getCurrencyCode() + " amount");
        }
        String status = field(r, columns, "status");
        String returnReason = field(r, columns, "return_reason");
        Booking booking = new Booking(
                status == null || status.equalsIgnoreCase("BOOK")
                        ? StatementEntry.Status.BOOK
                        : status.equalsIgnoreCase("PDNG") ? StatementEntry.Status.PDNG : invalid("status", status),
                Boolean.parseBoolean(field(r, columns, "reversal")),
                returnReason != null ? StatementEntry.Kind.RETURN : StatementEntry.Kind.SINGLE,
                field(r, columns, "batch_ref"),
                null,
                returnReason);
        return new StatementEntry(
                seq,
                entryNo,
                direction(field(r, columns, "direction")),
                amount,
                LocalDate.parse(field(r, columns, "value_date")),
                field(r, columns, "end_to_end_id"),
                field(r, columns, "bank_reference"),
                field(r, columns, "counterparty"),
                booking);
    }

    private static StatementEntry.Direction direction(String value) {
        if ("DBIT".equalsIgnoreCase(value)) {
            return StatementEntry.Direction.DBIT;
        }
        if ("CRDT".equalsIgnoreCase(value)) {
            return StatementEntry.Direction.CRDT;
        }
        return invalid("direction (DBIT or CRDT)", value);
    }

    private static <T> T invalid(String what, String value) {
        throw new IllegalArgumentException("'" + value + "' is not a valid " + what);
    }

    private static String field(CSVRecord r, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null) {
            return null;
        }
        String value = r.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    /** Spreadsheet exports often start with a byte order mark; it is not part of the first field. */
    private static Reader withoutBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
