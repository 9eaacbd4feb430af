package com.kakehashi.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * camt.053.001.08 documents written by hand, element by element in the order of the official XSD
 * ({@code /work/shared/schemas/camt.053.001.08.xsd}: AccountStatement9, ReportEntry10, EntryDetails9,
 * BatchInformation2, EntryTransaction10, PaymentReturnReason5), the way banks' published samples look, and
 * not through our own writer or Prowide. The service validates every file against the XSD before reading
 * it, so a fixture that strays from the schema fails its test.
 */
public final class CamtDocuments {
    private CamtDocuments() {}

    public static String document(String msgId, String creDtTm, Integer msgPage, List<String> statements) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                <BkToCstmrStmt><GrpHdr><MsgId>%s</MsgId><CreDtTm>%s</CreDtTm>""".formatted(msgId, creDtTm));
        if (msgPage != null) {
            xml.append("<MsgPgntn><PgNb>").append(msgPage).append("</PgNb><LastPgInd>false</LastPgInd></MsgPgntn>");
        }
        xml.append("</GrpHdr>\n");
        statements.forEach(xml::append);
        return xml.append("</BkToCstmrStmt></Document>\n").toString();
    }

    /** An account statement; balances are signed decimals (negative = debit), null leaves them out. */
    public static String statement(
            String id,
            Integer page,
            String creDtTm,
            String account,
            String currency,
            String opening,
            String closing,
            LocalDate date,
            List<Entry> entries) {
        StringBuilder xml = new StringBuilder("<Stmt><Id>").append(id).append("</Id>");
        if (page != null) {
            xml.append("<StmtPgntn><PgNb>").append(page).append("</PgNb><LastPgInd>false</LastPgInd></StmtPgntn>");
        }
        xml.append("<CreDtTm>")
                .append(creDtTm)
                .append("</CreDtTm>")
                .append("<Acct><Id><Othr><Id>")
                .append(account)
                .append("</Id></Othr></Id><Ccy>")
                .append(currency)
                .append("</Ccy></Acct>");
        if (opening != null) {
            xml.append(balance("OPBD", opening, currency, date)).append(balance("CLBD", closing, currency, date));
        }
        entries.forEach(e -> xml.append(e.xml(currency)));
        return xml.append("</Stmt>\n").toString();
    }

    private static String balance(String code, String signed, String currency, LocalDate date) {
        boolean debit = signed.startsWith("-");
        return "<Bal><Tp><CdOrPrtry><Cd>" + code + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"" + currency + "\">"
                + (debit ? signed.substring(1) : signed) + "</Amt><CdtDbtInd>" + (debit ? "DBIT" : "CRDT")
                + "</CdtDbtInd><Dt><Dt>" + date + "</Dt></Dt></Bal>";
    }

    /** One transaction of an entry (TxDtls). */
    public record Tx(
            String endToEndId, String amount, String counterparty, String accountServicerRef, String returnReason) {
        public static Tx of(String endToEndId, String amount, String counterparty) {
            return new Tx(endToEndId, amount, counterparty, null, null);
        }

        String xml(String currency, String indicator) {
            StringBuilder x = new StringBuilder("<TxDtls><Refs>");
            if (accountServicerRef != null) {
                x.append("<AcctSvcrRef>").append(accountServicerRef).append("</AcctSvcrRef>");
            }
            x.append("<EndToEndId>")
                    .append(endToEndId == null ? "NOTPROVIDED" : endToEndId)
                    .append("</EndToEndId></Refs>");
            if (amount != null) {
                x.append("<Amt Ccy=\"")
                        .append(currency)
                        .append("\">")
                        .append(amount)
                        .append("</Amt><CdtDbtInd>")
                        .append(indicator)
                        .append("</CdtDbtInd>");
            }
            if (counterparty != null) {
                x.append(indicator.equals("DBIT") ? "<RltdPties><Cdtr><Pty><Nm>" : "<RltdPties><Dbtr><Pty><Nm>")
                        .append(counterparty)
                        .append(
                                indicator.equals("DBIT")
                                        ? "</Nm></Pty></Cdtr></RltdPties>"
                                        : "</Nm></Pty></Dbtr></RltdPties>");
            }
            if (returnReason != null) {
                x.append("<RtrInf><Rsn><Cd>").append(returnReason).append("</Cd></Rsn></RtrInf>");
            }
            return x.append("</TxDtls>").toString();
        }
    }

    /** One entry (Ntry); build it with the with-ers. */
    public record Entry(
            String amount,
            String indicator,
            boolean reversal,
            String status,
            LocalDate valueDate,
            String bankRef,
            String domain,
            String family,
            String subFamily,
            String batchMsgId,
            String pmtInfId,
            Integer nbOfTxs,
            List<Tx> txs) {
        public static Entry booked(String amount, String indicator, LocalDate valueDate, String bankRef) {
            return new Entry(
                    amount,
                    indicator,
                    false,
                    "BOOK",
                    valueDate,
                    bankRef,
                    "PMNT",
                    indicator.equals("DBIT") ? "ICDT" : "RCDT",
                    "DMCT",
                    null,
                    null,
                    null,
                    List.of());
        }

        public Entry status(String s) {
            return new Entry(
                    amount,
                    indicator,
                    reversal,
                    s,
                    valueDate,
                    bankRef,
                    domain,
                    family,
                    subFamily,
                    batchMsgId,
                    pmtInfId,
                    nbOfTxs,
                    txs);
        }

        public Entry reversed() {
            return new Entry(
                    amount,
                    indicator,
                    true,
                    status,
                    valueDate,
                    bankRef,
                    domain,
                    family,
                    subFamily,
                    batchMsgId,
                    pmtInfId,
                    nbOfTxs,
                    txs);
        }

        public Entry code(String d, String f, String sub) {
            return new Entry(
                    amount,
                    indicator,
                    reversal,
                    status,
                    valueDate,
                    bankRef,
                    d,
                    f,
                    sub,
                    batchMsgId,
                    pmtInfId,
                    nbOfTxs,
                    txs);
        }

        public Entry batch(String msgId, String paymentInformationId, Integer count) {
            return new Entry(
                    amount,
                    indicator,
                    reversal,
                    status,
                    valueDate,
                    bankRef,
                    domain,
                    family,
                    subFamily,
                    msgId,
                    paymentInformationId,
                    count,
                    txs);
        }

        public Entry tx(Tx... more) {
            List<Tx> all = new ArrayList<>(txs);
            all.addAll(List.of(more));
            return new Entry(
                    amount,
                    indicator,
                    reversal,
                    status,
                    valueDate,
                    bankRef,
                    domain,
                    family,
                    subFamily,
                    batchMsgId,
                    pmtInfId,
                    nbOfTxs,
                    all);
        }

        String xml(String currency) {
            StringBuilder x = new StringBuilder("<Ntry><Amt Ccy=\"")
                    .append(currency)
                    .append("\">")
                    .append(amount)
                    .append("</Amt><CdtDbtInd>")
                    .append(indicator)
                    .append("</CdtDbtInd>");
            if (reversal) {
                x.append("<RvslInd>true</RvslInd>");
            }
            x.append("<Sts><Cd>")
                    .append(status)
                    .append("</Cd></Sts><BookgDt><Dt>")
                    .append(valueDate)
                    .append("</Dt></BookgDt><ValDt><Dt>")
                    .append(valueDate)
                    .append("</Dt></ValDt>");
            if (bankRef != null) {
                x.append("<AcctSvcrRef>").append(bankRef).append("</AcctSvcrRef>");
            }
            x.append("<BkTxCd><Domn><Cd>")
                    .append(domain)
                    .append("</Cd><Fmly><Cd>")
                    .append(family)
                    .append("</Cd><SubFmlyCd>")
                    .append(subFamily)
                    .append("</SubFmlyCd></Fmly></Domn></BkTxCd>");
            if (batchMsgId != null || pmtInfId != null || nbOfTxs != null || !txs.isEmpty()) {
                x.append("<NtryDtls>");
                if (batchMsgId != null || pmtInfId != null || nbOfTxs != null) {
                    x.append("<Btch>");
                    if (batchMsgId != null) {
                        x.append("<MsgId>").append(batchMsgId).append("</MsgId>");
                    }
                    if (pmtInfId != null) {
                        x.append("<PmtInfId>").append(pmtInfId).append("</PmtInfId>");
                    }
                    if (nbOfTxs != null) {
                        x.append("<NbOfTxs>").append(nbOfTxs).append("</NbOfTxs>");
                    }
                    x.append("</Btch>");
                }
                txs.forEach(t -> x.append(t.xml(currency, indicator)));
                x.append("</NtryDtls>");
            }
            return x.append("</Ntry>").toString();
        }
    }
}
