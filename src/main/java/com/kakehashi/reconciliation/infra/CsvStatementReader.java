package com.kakehashi.reconciliation.infra;

import com.kakehashi.reconciliation.domain.StatementEntry;
import com.kakehashi.reconciliation.domain.StatementHeader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The documented CSV statement (docs/reconciliation.md): '#' comments, then
 * {@code statement,<ref>,<account>,<currency>,<date>,<opening>,<closing>}, then the header
 * {@code seq,direction,amount,value_date,end_to_end_id,bank_reference,counterparty} and one entry per line.
 * Amounts are exact decimals; balances are signed (negative = debit balance). Errors name the line.
 */
public final class CsvStatementReader {
    static final String ENTRY_HEADER = "seq,direction,amount,value_date,end_to_end_id,bank_reference,counterparty";

    private CsvStatementReader() {
    }

    public static StatementHeader read(InputStream csv, Consumer<StatementEntry> entries) {
        StatementHeader header = null;
        boolean entryHeaderSeen = false;
        int number = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                try {
                    if (header == null) {
                        if (f.length != 7 || !f[0].equals("statement")) {
                            throw new StatementFileException("expected 'statement,<ref>,<account>,<currency>,<date>,<opening>,<closing>'");
                        }
                        header = new StatementHeader(StatementHeader.StatementFormat.CSV, f[2], f[1], f[3],
                                f[5].isEmpty() ? null : minor(f[5], f[3]), f[6].isEmpty() ? null : minor(f[6], f[3]),
                                LocalDate.parse(f[4]));
                    } else if (!entryHeaderSeen) {
                        if (!line.equals(ENTRY_HEADER)) {
                            throw new StatementFileException("expected the header '" + ENTRY_HEADER + "'");
                        }
                        entryHeaderSeen = true;
                    } else {
                        if (f.length != 7) {
                            throw new StatementFileException("expected 7 fields, found " + f.length);
                        }
                        entries.accept(new StatementEntry(Integer.parseInt(f[0]), StatementEntry.Direction.valueOf(f[1]),
                                minor(f[2], header.currency()), header.currency(), LocalDate.parse(f[3]), blank(f[4]),
                                blank(f[5]), blank(f[6])));
                    }
                } catch (StatementFileException e) {
                    throw new StatementFileException("line " + number + ": " + e.getMessage());
                } catch (RuntimeException e) {
                    throw new StatementFileException("line " + number + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new StatementFileException("unreadable: " + e.getMessage());
        }
        if (header == null) {
            throw new StatementFileException("no statement line");
        }
        return header;
    }

    private static long minor(String value, String currency) {
        int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        return new BigDecimal(value).movePointRight(digits).longValueExact();
    }

    private static String blank(String value) {
        return value.isBlank() ? null : value;
    }
}
