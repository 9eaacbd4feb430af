package com.kakehashi.support;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BalanceType10Choice;
import com.prowidesoftware.swift.model.mx.dic.BalanceType13;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV08;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerStatementV08;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure4;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure5;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader81;
import com.prowidesoftware.swift.model.mx.dic.Party40Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties6;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Test statements: camt.053.001.08 written with Prowide, and the same content in the documented CSV format. */
public final class Statements {
    private Statements() {}

    /** One booked entry as the bank reports it (amount in minor units). */
    public record Line(
            String direction, long amountMinor, LocalDate valueDate, String endToEndId, String counterparty) {}

    public static long net(List<Line> lines) {
        return lines.stream()
                .mapToLong(l -> l.direction().equals("CRDT") ? l.amountMinor() : -l.amountMinor())
                .sum();
    }

    public static String camt053(
            String ref,
            String account,
            String currency,
            LocalDate date,
            long openingMinor,
            long closingMinor,
            List<Line> lines) {
        int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        AccountStatement9 statement = new AccountStatement9()
                .setId(ref)
                .setCreDtTm(date.atTime(23, 0).atOffset(ZoneOffset.UTC))
                .setAcct(new CashAccount39()
                        .setCcy(currency)
                        .setId(new AccountIdentification4Choice()
                                .setOthr(new GenericAccountIdentification1().setId(account))));
        statement.addBal(balance("OPBD", openingMinor, currency, digits, date));
        statement.addBal(balance("CLBD", closingMinor, currency, digits, date));
        int n = 0;
        for (Line line : lines) {
            statement.addNtry(entry(line, ++n, ref, date, currency, digits));
        }
        MxCamt05300108 mx = new MxCamt05300108()
                .setBkToCstmrStmt(new BankToCustomerStatementV08()
                        .setGrpHdr(new GroupHeader81()
                                .setMsgId("MSG-" + ref)
                                .setCreDtTm(date.atTime(23, 0).atOffset(ZoneOffset.UTC)))
                        .addStmt(statement));
        return mx.document();
    }

    /** A camt.054.001.08 debit/credit notification: entries, no balances. */
    public static String camt054(String ref, String account, String currency, LocalDate date, List<Line> lines) {
        int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        AccountNotification17 notification = new AccountNotification17()
                .setId(ref)
                .setCreDtTm(date.atTime(23, 0).atOffset(ZoneOffset.UTC))
                .setAcct(new CashAccount39()
                        .setCcy(currency)
                        .setId(new AccountIdentification4Choice()
                                .setOthr(new GenericAccountIdentification1().setId(account))));
        int n = 0;
        for (Line line : lines) {
            notification.addNtry(entry(line, ++n, ref, date, currency, digits));
        }
        return new MxCamt05400108()
                .setBkToCstmrDbtCdtNtfctn(new BankToCustomerDebitCreditNotificationV08()
                        .setGrpHdr(new GroupHeader81()
                                .setMsgId("NTF-" + ref)
                                .setCreDtTm(date.atTime(23, 0).atOffset(ZoneOffset.UTC)))
                        .addNtfctn(notification))
                .document();
    }

    private static ReportEntry10 entry(Line line, int n, String ref, LocalDate date, String currency, int digits) {
        Party40Choice party = new Party40Choice().setPty(new PartyIdentification135().setNm(line.counterparty()));
        TransactionParties6 parties = line.direction().equals("DBIT")
                ? new TransactionParties6().setCdtr(party)
                : new TransactionParties6().setDbtr(party);
        return new ReportEntry10()
                .setNtryRef("E" + n)
                .setAmt(amount(line.amountMinor(), currency, digits))
                .setCdtDbtInd(CreditDebitCode.valueOf(line.direction()))
                .setSts(new EntryStatus1Choice().setCd("BOOK"))
                .setBookgDt(new DateAndDateTime2Choice().setDt(date))
                .setValDt(new DateAndDateTime2Choice().setDt(line.valueDate()))
                .setAcctSvcrRef("BANKREF-" + ref + "-" + n)
                .setBkTxCd(new BankTransactionCodeStructure4()
                        .setDomn(new BankTransactionCodeStructure5()
                                .setCd("PMNT")
                                .setFmly(new BankTransactionCodeStructure6()
                                        .setCd(line.direction().equals("DBIT") ? "ICDT" : "RDDT")
                                        .setSubFmlyCd("OTHR"))))
                .addNtryDtls(new EntryDetails9()
                        .addTxDtls(new EntryTransaction10()
                                .setRefs(new TransactionReferences6()
                                        .setEndToEndId(line.endToEndId() == null ? "NOTPROVIDED" : line.endToEndId()))
                                .setRltdPties(parties)));
    }

    public static String csv(
            String ref,
            String account,
            String currency,
            LocalDate date,
            long openingMinor,
            long closingMinor,
            List<Line> lines) {
        int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        StringBuilder csv = new StringBuilder("# test statement\n");
        csv.append("statement,")
                .append(ref)
                .append(',')
                .append(account)
                .append(',')
                .append(currency)
                .append(',')
                .append(date)
                .append(',')
                .append(BigDecimal.valueOf(openingMinor, digits).toPlainString())
                .append(',')
                .append(BigDecimal.valueOf(closingMinor, digits).toPlainString())
                .append('\n');
        csv.append("seq,direction,amount,value_date,end_to_end_id,bank_reference,counterparty\n");
        int n = 0;
        for (Line line : lines) {
            n++;
            csv.append(n)
                    .append(',')
                    .append(line.direction())
                    .append(',')
                    .append(BigDecimal.valueOf(line.amountMinor(), digits).toPlainString())
                    .append(',')
                    .append(line.valueDate())
                    .append(',')
                    .append(line.endToEndId() == null ? "" : line.endToEndId())
                    .append(",BANKREF-")
                    .append(n)
                    .append(',')
                    .append(line.counterparty())
                    .append('\n');
        }
        return csv.toString();
    }

    private static CashBalance8 balance(String code, long minor, String currency, int digits, LocalDate date) {
        return new CashBalance8()
                .setTp(new BalanceType13().setCdOrPrtry(new BalanceType10Choice().setCd(code)))
                .setAmt(amount(Math.abs(minor), currency, digits))
                .setCdtDbtInd(minor >= 0 ? CreditDebitCode.CRDT : CreditDebitCode.DBIT)
                .setDt(new DateAndDateTime2Choice().setDt(date));
    }

    private static ActiveOrHistoricCurrencyAndAmount amount(long minor, String currency, int digits) {
        return new ActiveOrHistoricCurrencyAndAmount().setCcy(currency).setValue(BigDecimal.valueOf(minor, digits));
    }
}
