package com.kakehashi.fx.infra;

import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.FxRate;
import com.kakehashi.fx.domain.RateFigures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A partner bank's rate file (documented in docs/fx.md): UTF-8 CSV, '#' comment lines, the header
 * {@code base,quote,bid,mid,ask,valid_from}, then one rate per line, e.g.
 * {@code CNY,JPY,21.05,21.10,21.15,2026-11-25T00:00:00Z}. Bid and ask may be empty; figures follow
 * {@link RateFigures} (at most 12 decimals, as the operator API).
 */
public final class BankRateCsvParser {
    static final String HEADER = "base,quote,bid,mid,ask,valid_from";
    private static final int MAX_LINES = 100_000;

    private BankRateCsvParser() {}

    public static String sourceFor(String bankId) {
        return "bank:" + bankId;
    }

    public static List<FxRate> parse(InputStream csv, String bankId, Instant receivedAt) {
        List<FxRate> rates = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            boolean headerSeen = false;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number > MAX_LINES) {
                    throw new RateFileException("more than " + MAX_LINES + " lines");
                }
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    if (!trimmed.equalsIgnoreCase(HEADER)) {
                        throw new RateFileException("line " + number + ": expected the header '" + HEADER + "'");
                    }
                    headerSeen = true;
                    continue;
                }
                rates.add(rate(trimmed, number, sourceFor(bankId), receivedAt));
            }
        } catch (IOException e) {
            throw new RateFileException("unreadable rate file: " + e.getMessage(), e);
        }
        if (rates.isEmpty()) {
            throw new RateFileException("no rates found after the header '" + HEADER + "'");
        }
        return rates;
    }

    private static FxRate rate(String line, int number, String source, Instant receivedAt) {
        String[] fields = line.split(",", -1);
        if (fields.length != 6) {
            throw new RateFileException("line " + number + ": expected 6 fields, found " + fields.length);
        }
        try {
            return new FxRate(
                    new CurrencyPair(fields[0].strip(), fields[1].strip()),
                    RateFigures.parse("mid", fields[3].strip()),
                    RateFigures.parseOptional("bid", fields[2].strip()),
                    RateFigures.parseOptional("ask", fields[4].strip()),
                    source,
                    Instant.parse(fields[5].strip()),
                    receivedAt);
        } catch (RuntimeException e) {
            throw new RateFileException("line " + number + ": " + e.getMessage());
        }
    }
}
