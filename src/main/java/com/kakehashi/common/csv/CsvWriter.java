package com.kakehashi.common.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way the service writes CSV: RFC 4180 quoting (Apache Commons CSV) and OWASP formula
 * neutralisation, so a bank- or merchant-controlled value can neither shift columns nor become a
 * spreadsheet formula. Every CSV the service produces goes through this class.
 */
public final class CsvWriter implements AutoCloseable {

    private static final CSVFormat RFC_4180 =
            CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final CSVPrinter printer;

    private CsvWriter(Writer out) {
        try {
            this.printer = new CSVPrinter(out, RFC_4180);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CsvWriter to(Writer out) {
        return new CsvWriter(out);
    }

    /** Writes one record; {@code null} cells are written empty. */
    public CsvWriter row(Object... cells) {
        return row(List.of(toStrings(cells)));
    }

    public CsvWriter row(List<String> cells) {
        try {
            printer.printRecord(cells.stream().map(CsvWriter::neutralised).toList());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * OWASP CSV injection: a cell that starts with {@code = + - @}, tab or carriage return is
     * prefixed with a single quote, so spreadsheets show it as text. Plain negative numbers are
     * left alone: amounts such as {@code -1500} are data, not formulas.
     */
    static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        boolean dangerous =
                first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (!dangerous || isPlainNumber(cell)) {
            return cell;
        }
        return "'" + cell;
    }

    private static boolean isPlainNumber(String cell) {
        return cell.matches("[-+]?\\d{1,30}(\\.\\d{1,30})?");
    }

    private static String[] toStrings(Object[] cells) {
        String[] strings = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            strings[i] = cells[i] == null ? "" : cells[i].toString();
        }
        return strings;
    }

    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
