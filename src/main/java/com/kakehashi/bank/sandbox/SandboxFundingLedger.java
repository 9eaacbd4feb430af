package com.kakehashi.bank.sandbox;

import com.kakehashi.bank.infra.FundingBankClient.DebitRequest;
import com.kakehashi.bank.sandbox.SandboxStatements.Booking;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The sandbox funding bank's book of the house's account, on disk so it survives a restart: each debit it approves
 * (a credit to the house, end-to-end id = the request id without dashes) and each reversal (a debit, "R" + that id),
 * one file per booking under {@code unstated/} until a statement carries it, then under {@code stated/}. Booking is
 * idempotent by request id. A statement is written per booking day into the bank's statement drop directory, the
 * intake real statements use, before its bookings move to {@code stated/}: a crash in between writes the same
 * bytes again (the statement id derives from its bookings), which the intake recognises as the same file.
 */
public final class SandboxFundingLedger {
    /** At most this many bookings per statement, so a statement stays small whatever piles up. */
    static final int MAX_BOOKINGS_PER_STATEMENT = 10_000;

    private final Path unstated;
    private final Path stated;

    public SandboxFundingLedger(Path directory) {
        this.unstated = directory.resolve("unstated");
        this.stated = directory.resolve("stated");
    }

    /** The booking of an approved debit: the customer's money arrives on the house's account. */
    public static Booking approved(DebitRequest request) {
        return new Booking(
                endToEndId(request), CreditDebitCode.CRDT, new BigDecimal(request.amount()), request.holderName());
    }

    /** The booking of a reversed debit: the money leaves the house's account back to the customer. */
    public static Booking reversed(DebitRequest request) {
        return new Booking(
                "R" + endToEndId(request),
                CreditDebitCode.DBIT,
                new BigDecimal(request.amount()),
                request.holderName());
    }

    private static String endToEndId(DebitRequest request) {
        return request.requestId().replace("-", "");
    }

    /** Books once: a booking already made (stated or not) is left as it is. */
    public void book(LocalDate day, String currency, Booking booking) throws IOException {
        String name = booking.endToEndId() + ".booking";
        if (Files.exists(unstated.resolve(name)) || Files.exists(stated.resolve(name))) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("day", day.toString());
        p.setProperty("currency", currency);
        p.setProperty("endToEndId", booking.endToEndId());
        p.setProperty("direction", booking.direction().name());
        p.setProperty("amount", booking.amount().toPlainString());
        p.setProperty("counterparty", booking.counterparty());
        Files.createDirectories(unstated);
        Path partial = Files.createTempFile(unstated, ".booking-", ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            p.store(out, null);
        }
        Files.move(partial, unstated.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Writes one camt.053 per booking day and currency of what is not yet stated into {@code drop} (named
     * {@code sandbox-funding-<statement id>.xml}), then marks those bookings stated. Returns the files written.
     */
    public List<Path> state(Path drop, String account) throws IOException {
        if (!Files.isDirectory(unstated)) {
            return List.of();
        }
        Map<String, List<Path>> byDay = new TreeMap<>();
        try (Stream<Path> files = Files.list(unstated)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".booking"))
                    .sorted()
                    .limit(MAX_BOOKINGS_PER_STATEMENT)
                    .toList()) {
                Properties p = load(file);
                byDay.computeIfAbsent(p.getProperty("day") + " " + p.getProperty("currency"), k -> new ArrayList<>())
                        .add(file);
            }
        }
        List<Path> written = new ArrayList<>();
        Files.createDirectories(drop);
        Files.createDirectories(stated);
        for (Map.Entry<String, List<Path>> group : byDay.entrySet()) {
            LocalDate day = LocalDate.parse(group.getKey().substring(0, 10));
            String currency = group.getKey().substring(11);
            List<Booking> bookings = new ArrayList<>();
            for (Path file : group.getValue()) {
                Properties p = load(file);
                bookings.add(new Booking(
                        p.getProperty("endToEndId"),
                        CreditDebitCode.valueOf(p.getProperty("direction")),
                        new BigDecimal(p.getProperty("amount")),
                        p.getProperty("counterparty")));
            }
            String id = statementId(day, bookings);
            byte[] camt = SandboxStatements.fundingStatement(id, account, currency, day, bookings)
                    .getBytes(StandardCharsets.UTF_8);
            Path partial = Files.createTempFile(drop, ".sandbox-", ".partial");
            Files.write(partial, camt);
            written.add(Files.move(
                    partial, drop.resolve("sandbox-funding-" + id + ".xml"), StandardCopyOption.ATOMIC_MOVE));
            for (Path file : group.getValue()) {
                Files.move(file, stated.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return written;
    }

    /** "SBXF" + the day + 16 hex of the bookings' end-to-end ids: the same bookings, the same statement (29 chars). */
    static String statementId(LocalDate day, List<Booking> bookings) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            bookings.forEach(b -> sha.update((b.endToEndId() + "\n").getBytes(StandardCharsets.UTF_8)));
            return "SBXF" + day.toString().replace("-", "") + "-"
                    + HexFormat.of().withUpperCase().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }
}
