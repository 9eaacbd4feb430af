package com.kakehashi.reconciliation.infra;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.reconciliation.domain.StatementEntry;
import com.kakehashi.reconciliation.domain.StatementEntry.Booking;
import com.kakehashi.reconciliation.domain.StatementHeader;
import com.kakehashi.reconciliation.domain.StatementHeader.StatementFormat;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads camt.053.001.08 statements and camt.054.001.08 notifications with StAX, one entry at a time, so
 * a statement of a million entries never sits in memory. What real banks send is read too: several
 * {@code Stmt} per document, pages ({@code StmtPgntn}/{@code MsgPgntn}), {@code CreDtTm} with or
 * without an offset (without: local time in the bank's zone), entry status (BOOK, PDNG), reversals
 * ({@code RvslInd}), batch booking ({@code Btch} with or without {@code TxDtls}), returns
 * ({@code RtrInf}) and charges (bank transaction sub-family {@code CHRG}). DTDs and entity
 * references are refused. An entry that cannot be read (an amount finer than its currency, another
 * currency than its statement's, an over-long field) is reported to the sink as unprocessable.
 */
public final class CamtStatementReader {
    static final String CAMT053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
    static final String CAMT054 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";

    private CamtStatementReader() {}

    /** The schema the document's namespace names, or a refusal. */
    public static StatementFormat detect(String namespace) {
        return switch (namespace == null ? "" : namespace) {
            case CAMT053 -> StatementFormat.CAMT053;
            case CAMT054 -> StatementFormat.CAMT054;
            default ->
                throw new StatementFileException(
                        "not a camt.053.001.08 or camt.054.001.08 document: namespace '" + namespace + "'");
        };
    }

    /** Reads every statement of the document into the sink; returns how many statements it held. */
    public static int read(InputStream xml, ZoneId bankZone, StatementSink sink) {
        XMLStreamReader reader = null;
        try {
            reader = com.kakehashi.common.xml.SafeXml.inputFactory().createXMLStreamReader(xml);
            return new Walk(reader, bankZone, sink).run();
        } catch (XMLStreamException e) {
            throw new StatementFileException("not well-formed XML at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber()) + ": " + e.getMessage());
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }

    /** ISODateTime: with an offset (or Z) it is an instant; without, local time in the bank's zone. */
    static LocalDate dateInBankZone(String value, ZoneId bankZone) {
        TemporalAccessor parsed =
                DateTimeFormatter.ISO_DATE_TIME.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime odt
                ? odt.atZoneSameInstant(bankZone).toLocalDate()
                : ((LocalDateTime) parsed).toLocalDate();
    }

    /** One transaction inside an entry (TxDtls). */
    private static final class Tx {
        String amount;
        String currency;
        String indicator;
        String endToEndId;
        String reference;
        String counterparty;
        String returnReason;
    }

    /** One pass over the document, tracking the element path. */
    private static final class Walk {
        private final XMLStreamReader reader;
        private final ZoneId zone;
        private final StatementSink sink;
        private final Deque<String> path = new ArrayDeque<>();
        private StatementFormat format;
        private int statements;
        private int messagePage = 1;
        // the statement being read
        private boolean begun;
        private String statementCurrency;
        private String statementRef;
        private String account;
        private String accountCurrency;
        private LocalDate statementDate;
        private Integer page;
        private Long opening;
        private Long closing;
        private int seq;
        private int entryNo;
        // the balance being read
        private String balanceCode;
        private String balanceAmount;
        private String balanceCurrency;
        private String balanceIndicator;
        // the entry being read
        private String amount;
        private String currency;
        private String indicator;
        private String status;
        private boolean reversal;
        private LocalDate date;
        private String reference;
        private String batchRef;
        private Integer batchCount;
        private boolean batch;
        private boolean charge;
        private final List<Tx> txs = new ArrayList<>();
        private Tx tx;

        Walk(XMLStreamReader reader, ZoneId zone, StatementSink sink) {
            this.reader = reader;
            this.zone = zone;
            this.sink = sink;
        }

        int run() throws XMLStreamException {
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new StatementFileException(line() + "DTDs and entity references are not accepted");
                    case XMLStreamConstants.START_ELEMENT -> start();
                    case XMLStreamConstants.CHARACTERS -> text(reader.getText().strip());
                    case XMLStreamConstants.END_ELEMENT -> end();
                    default -> {}
                }
            }
            if (statements == 0) {
                throw new StatementFileException(
                        "no statement: expected Stmt (camt.053) or Ntfctn (camt.054) with Id and Acct");
            }
            return statements;
        }

        private void start() {
            String name = reader.getLocalName();
            if (path.isEmpty()) {
                format = detect(reader.getNamespaceURI());
            }
            path.push(name);
            switch (name) {
                case "Stmt", "Ntfctn" -> {
                    begun = false;
                    statementRef = account = accountCurrency = null;
                    statementDate = null;
                    page = null;
                    opening = closing = null;
                    seq = entryNo = 0;
                }
                case "Ntry" -> {
                    amount = currency = indicator = status = reference = batchRef = null;
                    batchCount = null;
                    reversal = batch = charge = false;
                    date = null;
                    txs.clear();
                }
                case "TxDtls" -> {
                    tx = new Tx();
                    txs.add(tx);
                }
                case "Btch" -> batch = true;
                case "Bal" -> balanceCode = balanceAmount = balanceCurrency = balanceIndicator = null;
                case "Amt" -> amountCurrency(reader.getAttributeValue(null, "Ccy"));
                default -> {}
            }
        }

        private void amountCurrency(String ccy) {
            if (ccy == null) {
                return;
            }
            if (in("Bal")) {
                balanceCurrency = ccy;
            } else if (in("TxDtls")) {
                if (tx.currency == null) {
                    tx.currency = ccy;
                }
            } else if (in("Ntry") && parent().equals("Ntry")) {
                currency = ccy;
            }
        }

        private void text(String value) {
            if (value.isEmpty() || path.isEmpty()) {
                return;
            }
            String name = path.peek();
            if (name.equals("PgNb") && parent().equals("MsgPgntn")) {
                messagePage = Integer.parseInt(value);
            }
            if (!in("Stmt") && !in("Ntfctn")) {
                return;
            }
            if (in("TxDtls")) {
                txText(name, value);
            } else if (in("Ntry")) {
                entryText(name, value);
            } else if (in("Bal")) {
                switch (name) {
                    case "Cd" -> balanceCode = value;
                    case "Amt" -> balanceAmount = value;
                    case "CdtDbtInd" -> balanceIndicator = value;
                    default -> {}
                }
            } else if (name.equals("Id") && (parent().equals("Stmt") || parent().equals("Ntfctn"))) {
                statementRef = value;
            } else if (in("Acct") && (name.equals("IBAN") || name.equals("Id") && parent().equals("Othr"))) {
                account = value;
            } else if (in("Acct") && name.equals("Ccy") && parent().equals("Acct")) {
                accountCurrency = value;
            } else if (name.equals("CreDtTm") && (parent().equals("Stmt") || parent().equals("Ntfctn"))) {
                statementDate = dateInBankZone(value, zone);
            } else if (name.equals("PgNb") && (parent().equals("StmtPgntn") || parent().equals("NtfctnPgntn"))) {
                page = Integer.parseInt(value);
            }
        }

        private void entryText(String name, String value) {
            switch (name) {
                case "Amt" -> {
                    if (parent().equals("Ntry")) {
                        amount = value;
                    }
                }
                case "CdtDbtInd" -> {
                    if (parent().equals("Ntry")) {
                        indicator = value;
                    }
                }
                case "RvslInd" -> reversal = Boolean.parseBoolean(value);
                case "Cd" -> {
                    if (parent().equals("Sts")) {
                        status = value;
                    } else if ((parent().equals("Fmly") || parent().equals("Domn")) && value.equals("CHRG")) {
                        charge = true;
                    }
                }
                case "SubFmlyCd" -> charge |= value.equals("CHRG");
                case "Dt" -> {
                    if (parent().equals("ValDt") || parent().equals("BookgDt") && date == null) {
                        date = LocalDate.parse(value);
                    }
                }
                case "DtTm" -> {
                    if (parent().equals("ValDt") || parent().equals("BookgDt") && date == null) {
                        date = dateInBankZone(value, zone);
                    }
                }
                case "AcctSvcrRef" -> reference = reference == null ? value : reference;
                case "NtryRef" -> reference = reference == null ? value : reference;
                case "PmtInfId" -> batchRef = value;
                case "MsgId" -> batchRef = batchRef == null ? value : batchRef;
                case "NbOfTxs" -> batchCount = Integer.valueOf(value);
                default -> {}
            }
        }

        private void txText(String name, String value) {
            switch (name) {
                case "Amt" -> {
                    if (parent().equals("TxDtls") || parent().equals("TxAmt") && tx.amount == null) {
                        tx.amount = value;
                    }
                }
                case "CdtDbtInd" -> {
                    if (parent().equals("TxDtls")) {
                        tx.indicator = value;
                    }
                }
                case "EndToEndId" -> tx.endToEndId = "NOTPROVIDED".equals(value) ? null : value;
                case "AcctSvcrRef" -> tx.reference = value;
                case "Nm" -> {
                    if (in("RltdPties") && tx.counterparty == null) {
                        tx.counterparty = value;
                    }
                }
                case "Cd" -> {
                    if (parent().equals("Rsn") && in("RtrInf")) {
                        tx.returnReason = value;
                    }
                }
                case "Prtry" -> {
                    if (parent().equals("Rsn") && in("RtrInf") && tx.returnReason == null) {
                        tx.returnReason = value;
                    }
                }
                case "SubFmlyCd" -> charge |= value.equals("CHRG");
                default -> {}
            }
            if (in("RtrInf") && tx.returnReason == null) {
                tx.returnReason = "";
            }
        }

        private void end() {
            String name = path.pop();
            switch (name) {
                case "Ntry" -> entry();
                case "Bal" -> balance();
                case "Stmt", "Ntfctn" -> {
                    beginIfNeeded(null);
                    sink.end();
                }
                default -> {}
            }
        }

        private void balance() {
            if (balanceAmount == null) {
                return;
            }
            long minor;
            try {
                minor = minor(balanceAmount, balanceCurrency);
            } catch (IllegalArgumentException e) {
                throw new StatementFileException(line() + "balance " + balanceCode + ": " + e.getMessage());
            }
            long signed = "DBIT".equals(balanceIndicator) ? -minor : minor;
            if ("OPBD".equals(balanceCode)
                    || "PRCD".equals(balanceCode)
                    || "ITBD".equals(balanceCode) && opening == null) {
                opening = signed;
            } else if ("CLBD".equals(balanceCode) || "ITBD".equals(balanceCode)) {
                closing = signed;
            }
        }

        private void beginIfNeeded(String entryCurrency) {
            if (begun) {
                return;
            }
            if (statementRef == null || account == null) {
                throw new StatementFileException(line() + "a statement needs Id and Acct");
            }
            String headerCurrency = accountCurrency != null
                    ? accountCurrency
                    : balanceCurrency != null ? balanceCurrency : entryCurrency;
            try {
                sink.begin(new StatementHeader(
                        format,
                        account,
                        statementRef,
                        headerCurrency == null ? "XXX" : headerCurrency,
                        MinorAmount.ofNullable(opening, headerCurrency),
                        MinorAmount.ofNullable(closing, headerCurrency),
                        statementDate == null ? LocalDate.EPOCH : statementDate,
                        page != null ? page : messagePage));
            } catch (IllegalArgumentException e) {
                throw new StatementFileException(line() + "statement " + statementRef + ": " + e.getMessage());
            }
            begun = true;
            statementCurrency = headerCurrency;
            statements++;
        }

        /** One Ntry: one line, or one line per TxDtls when the bank booked a batch as one entry. */
        private void entry() {
            beginIfNeeded(currency);
            entryNo++;
            if (amount == null || indicator == null || date == null) {
                sink.unprocessable(++seq, "entry " + entryNo + " lacks Amt, CdtDbtInd or ValDt/BookgDt");
                return;
            }
            StatementEntry.Status entryStatus =
                    "BOOK".equals(status) || status == null ? StatementEntry.Status.BOOK : StatementEntry.Status.PDNG;
            boolean batchBooked = batch || txs.size() > 1 || batchCount != null && batchCount > 1;
            if (batchBooked && !txs.isEmpty()) {
                for (Tx t : txs) {
                    line(
                            t.amount != null ? t.amount : txs.size() == 1 ? amount : null,
                            t.currency != null ? t.currency : currency,
                            t.indicator != null ? t.indicator : indicator,
                            t,
                            new Booking(
                                    entryStatus, reversal, StatementEntry.Kind.BATCH_ITEM, batchRef, txs.size(), null));
                }
            } else if (batchBooked) {
                line(
                        amount,
                        currency,
                        indicator,
                        new Tx(),
                        new Booking(
                                entryStatus, reversal, StatementEntry.Kind.BATCH_TOTAL, batchRef, batchCount, null));
            } else {
                Tx t = txs.isEmpty() ? new Tx() : txs.get(0);
                StatementEntry.Kind kind = t.returnReason != null
                        ? StatementEntry.Kind.RETURN
                        : charge ? StatementEntry.Kind.CHARGE : StatementEntry.Kind.SINGLE;
                line(
                        amount,
                        currency,
                        indicator,
                        t,
                        new Booking(
                                entryStatus,
                                reversal,
                                kind,
                                batchRef,
                                null,
                                t.returnReason == null || t.returnReason.isEmpty() ? null : t.returnReason));
            }
        }

        private void line(String lineAmount, String lineCurrency, String lineIndicator, Tx t, Booking booking) {
            int lineSeq = ++seq;
            try {
                if (lineAmount == null) {
                    throw new IllegalArgumentException("a transaction of a batch-booked entry has no amount");
                }
                if (lineCurrency == null || !lineCurrency.equals(statementCurrency)) {
                    throw new IllegalArgumentException(
                            "currency " + lineCurrency + " is not the statement's " + statementCurrency);
                }
                StatementEntry.Direction direction = StatementEntry.Direction.valueOf(lineIndicator);
                sink.entry(new StatementEntry(
                        lineSeq,
                        entryNo,
                        direction,
                        MinorAmount.of(minor(lineAmount, lineCurrency), lineCurrency),
                        date,
                        t.endToEndId,
                        t.reference != null ? t.reference : reference,
                        t.counterparty,
                        booking));
            } catch (RuntimeException e) {
                sink.unprocessable(lineSeq, "entry " + entryNo + ": " + e.getMessage());
            }
        }

        private long minor(String value, String ccy) {
            try {
                return MinorAmount.parse(value, javax.money.Monetary.getCurrency(ccy))
                        .amount();
            } catch (ArithmeticException | javax.money.UnknownCurrencyException | NumberFormatException e) {
                throw new IllegalArgumentException("amount '" + value + "' is not an exact " + ccy + " amount");
            }
        }

        private boolean in(String element) {
            return path.contains(element);
        }

        private String parent() {
            var it = path.iterator();
            it.next();
            return it.hasNext() ? it.next() : "";
        }

        private String line() {
            return "line " + reader.getLocation().getLineNumber() + ": ";
        }
    }
}
