package com.kakehashi.reconciliation.infra;

import com.kakehashi.reconciliation.domain.StatementEntry;
import com.kakehashi.reconciliation.domain.StatementHeader;
import com.kakehashi.reconciliation.domain.StatementHeader.StatementFormat;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads camt.053.001.08 statements and camt.054.001.08 notifications with StAX, one entry at a time,
 * so a statement of a million entries never sits in memory (Prowide's model would hold the whole
 * document; it writes the test statements, the official XSD validates what we read). DTDs and entity
 * references are refused.
 */
public final class CamtStatementReader {
    static final String CAMT053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
    static final String CAMT054 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";

    private CamtStatementReader() {
    }

    /** The schema the document's namespace names, or a refusal. */
    public static StatementFormat detect(String namespace) {
        return switch (namespace == null ? "" : namespace) {
            case CAMT053 -> StatementFormat.CAMT053;
            case CAMT054 -> StatementFormat.CAMT054;
            default -> throw new StatementFileException("not a camt.053.001.08 or camt.054.001.08 document: namespace '"
                    + namespace + "'");
        };
    }

    public static StatementHeader read(InputStream xml, Consumer<StatementEntry> entries) {
        XMLStreamReader reader = null;
        try {
            reader = com.kakehashi.common.xml.SafeXml.inputFactory().createXMLStreamReader(xml);
            return new Walk(reader, entries).run();
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


    /** One pass over the document, tracking the element path. */
    private static final class Walk {
        private final XMLStreamReader reader;
        private final Consumer<StatementEntry> entries;
        private final Deque<String> path = new ArrayDeque<>();
        private StatementFormat format;
        private String statementRef;
        private String account;
        private String accountCurrency;
        private LocalDate statementDate;
        private Long opening;
        private Long closing;
        private int seq;
        // the balance or entry being read
        private String balanceCode;
        private String amount;
        private String currency;
        private String indicator;
        private LocalDate date;
        private String endToEndId;
        private String reference;
        private String counterparty;

        Walk(XMLStreamReader reader, Consumer<StatementEntry> entries) {
            this.reader = reader;
            this.entries = entries;
        }

        StatementHeader run() throws XMLStreamException {
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new StatementFileException(line() + "DTDs and entity references are not accepted");
                    case XMLStreamConstants.START_ELEMENT -> start();
                    case XMLStreamConstants.CHARACTERS -> text(reader.getText().strip());
                    case XMLStreamConstants.END_ELEMENT -> end();
                    default -> {
                    }
                }
            }
            if (format == null || statementRef == null || account == null) {
                throw new StatementFileException("no statement: expected Stmt (camt.053) or Ntfctn (camt.054) with Id and Acct");
            }
            String headerCurrency = accountCurrency != null ? accountCurrency : currency;
            return new StatementHeader(format, account, statementRef, headerCurrency, opening, closing,
                    statementDate == null ? LocalDate.EPOCH : statementDate);
        }

        private void start() {
            String name = reader.getLocalName();
            if (path.isEmpty()) {
                format = detect(reader.getNamespaceURI());
            }
            path.push(name);
            if (name.equals("Ntry")) {
                amount = currency = indicator = endToEndId = reference = counterparty = null;
                date = null;
            } else if (name.equals("Bal")) {
                balanceCode = amount = currency = indicator = null;
            } else if (name.equals("Amt") && reader.getAttributeValue(null, "Ccy") != null && depthOf("TxDtls") < 0) {
                currency = reader.getAttributeValue(null, "Ccy");
            }
        }

        private void text(String value) {
            if (value.isEmpty() || path.isEmpty()) {
                return;
            }
            String name = path.peek();
            boolean inEntry = depthOf("Ntry") >= 0;
            boolean inBalance = depthOf("Bal") >= 0;
            boolean inStatement = depthOf("Stmt") >= 0 || depthOf("Ntfctn") >= 0;
            if (!inStatement) {
                return;
            }
            if (inEntry) {
                entryText(name, value);
            } else if (inBalance) {
                switch (name) {
                    case "Cd" -> balanceCode = value;
                    case "Amt" -> amount = value;
                    case "CdtDbtInd" -> indicator = value;
                    default -> {
                    }
                }
            } else if (name.equals("Id") && parent().equals("Stmt") || name.equals("Id") && parent().equals("Ntfctn")) {
                statementRef = value;
            } else if (depthOf("Acct") >= 0 && (name.equals("IBAN") || name.equals("Id") && parent().equals("Othr"))) {
                account = value;
            } else if (depthOf("Acct") >= 0 && name.equals("Ccy")) {
                accountCurrency = value;
            } else if (name.equals("CreDtTm") && (parent().equals("Stmt") || parent().equals("Ntfctn"))) {
                statementDate = OffsetDateTime.parse(value).toLocalDate();
            }
        }

        private void entryText(String name, String value) {
            switch (name) {
                case "Amt" -> {
                    if (depthOf("TxDtls") < 0) {
                        amount = value;
                    }
                }
                case "CdtDbtInd" -> {
                    if (depthOf("TxDtls") < 0) {
                        indicator = value;
                    }
                }
                case "Dt" -> {
                    if (parent().equals("ValDt") || parent().equals("BookgDt") && date == null) {
                        date = LocalDate.parse(value);
                    }
                }
                case "EndToEndId" -> endToEndId = "NOTPROVIDED".equals(value) ? null : value;
                case "AcctSvcrRef", "NtryRef" -> reference = reference == null ? value : reference;
                case "Nm" -> {
                    if (depthOf("RltdPties") >= 0 && counterparty == null) {
                        counterparty = value;
                    }
                }
                default -> {
                }
            }
        }

        private void end() {
            String name = path.pop();
            if (name.equals("Ntry")) {
                seq++;
                if (amount == null || indicator == null || date == null) {
                    throw new StatementFileException(line() + "entry " + seq + " lacks Amt, CdtDbtInd or ValDt/BookgDt");
                }
                entries.accept(new StatementEntry(seq, direction(indicator), minor(amount, currency),
                        currency, date, endToEndId, reference, counterparty));
            } else if (name.equals("Bal") && amount != null) {
                long signed = direction(indicator) == StatementEntry.Direction.CRDT ? minor(amount, currency) : -minor(amount, currency);
                if ("OPBD".equals(balanceCode) || "PRCD".equals(balanceCode)) {
                    opening = signed;
                } else if ("CLBD".equals(balanceCode)) {
                    closing = signed;
                }
            }
        }

        private StatementEntry.Direction direction(String value) {
            try {
                return StatementEntry.Direction.valueOf(value);
            } catch (RuntimeException e) {
                throw new StatementFileException(line() + "CdtDbtInd must be CRDT or DBIT, not '" + value + "'");
            }
        }

        private long minor(String value, String ccy) {
            try {
                int digits = ccy == null ? 2 : java.util.Currency.getInstance(ccy).getDefaultFractionDigits();
                return new BigDecimal(value).movePointRight(digits).longValueExact();
            } catch (RuntimeException e) {
                throw new StatementFileException(line() + "amount '" + value + "' is not an exact " + ccy + " amount");
            }
        }

        private int depthOf(String element) {
            int depth = 0;
            for (String e : path) {
                if (e.equals(element)) {
                    return depth;
                }
                depth++;
            }
            return -1;
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
