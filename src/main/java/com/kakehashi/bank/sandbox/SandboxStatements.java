package com.kakehashi.bank.sandbox;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BalanceType10Choice;
import com.prowidesoftware.swift.model.mx.dic.BalanceType13;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerStatementV08;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure4;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure5;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure6;
import com.prowidesoftware.swift.model.mx.dic.BatchInformation2;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader81;
import com.prowidesoftware.swift.model.mx.dic.Party40Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentReturnReason5;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.ReturnReason5Choice;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties6;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the sandbox bank does with a payout file: it reads the pain.001 as a bank would, books every transfer on
 * the requested execution date, and writes the camt.053.001.08 statement a bank would send back, optionally
 * with faults, so reconciliation can be watched catching them. Deterministic: the same file and faults give
 * the same statement.
 */
public final class SandboxStatements {
    /** Ways the sandbox bank misbehaves, each applied to the file's first transfer (or to the whole statement). */
    public enum Fault {
        /** the first transfer is not executed: missing at bank */
        DROP,
        /** the first transfer is executed one minor unit short: amount mismatch */
        SHORT_PAY,
        /** the first transfer is executed twice: duplicate */
        DUPLICATE,
        /** the first transfer comes back: a credit with return reason AC04 (closed account) */
        RETURN_AC04,
        /** all transfers booked as one entry with Btch and one TxDtls per transfer */
        BATCH_BOOKING,
        /** timestamps in the bank's local time without an offset (ISODateTime allows it) */
        LOCAL_TIMES
    }

    /** One transfer of the file. */
    public record Transfer(String endToEndId, BigDecimal amount, String creditor) {}

    /**
     * One movement on the house's account at the funding bank: a customer's debit it approved (a credit to the house)
     * or the reversal of one (a debit), booked under the end-to-end id docs/bank-debit-api.md gives it.
     */
    public record Booking(String endToEndId, CreditDebitCode direction, BigDecimal amount, String counterparty) {}

    /** A payout file as the bank reads it. */
    public record PayoutFile(
            String messageId,
            String paymentInformationId,
            LocalDate executionDate,
            String account,
            String currency,
            List<Transfer> transfers) {}

    private static final Pattern CREATION_TIME = Pattern.compile("(<(?:\\w+:)?CreDtTm>)([^<]+)(</)");

    private SandboxStatements() {}

    public static PayoutFile read(byte[] pain001) {
        MxPain00100109 message = MxPain00100109.parse(new String(pain001, StandardCharsets.UTF_8));
        if (message == null
                || message.getCstmrCdtTrfInitn() == null
                || message.getCstmrCdtTrfInitn().getPmtInf().isEmpty()) {
            throw new IllegalArgumentException("not a pain.001.001.09 with a payment information block");
        }
        PaymentInstruction30 payment = message.getCstmrCdtTrfInitn().getPmtInf().get(0);
        List<Transfer> transfers = new ArrayList<>();
        String currency = null;
        for (CreditTransferTransaction34 tx : payment.getCdtTrfTxInf()) {
            var amount = tx.getAmt().getInstdAmt();
            currency = amount.getCcy();
            transfers.add(new Transfer(
                    tx.getPmtId().getEndToEndId(),
                    amount.getValue(),
                    tx.getCdtr() == null ? null : tx.getCdtr().getNm()));
        }
        return new PayoutFile(
                message.getCstmrCdtTrfInitn().getGrpHdr().getMsgId(),
                payment.getPmtInfId(),
                payment.getReqdExctnDt().getDt(),
                payment.getDbtrAcct().getId().getOthr().getId(),
                currency,
                transfers);
    }

    /** The statement of the day the file was executed: one debit per transfer (faults applied), balances around them. */
    public static String camt053(PayoutFile file, Set<Fault> faults, ZoneId bankZone) {
        LocalDate day = file.executionDate();
        List<ReportEntry10> entries = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        List<Transfer> executed = executed(file.transfers(), faults);
        if (faults.contains(Fault.BATCH_BOOKING) && !executed.isEmpty()) {
            BigDecimal total = executed.stream().map(Transfer::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            EntryDetails9 details = new EntryDetails9()
                    .setBtch(new BatchInformation2()
                            .setMsgId(file.messageId())
                            .setPmtInfId(file.paymentInformationId())
                            .setNbOfTxs(Integer.toString(executed.size())));
            executed.forEach(t -> details.addTxDtls(transaction(t, file.currency(), true)));
            entries.add(entry(ref(file, "B"), CreditDebitCode.DBIT, total, file.currency(), day)
                    .addNtryDtls(details));
            net = net.subtract(total);
        } else {
            int n = 0;
            for (Transfer t : executed) {
                entries.add(
                        entry(ref(file, Integer.toString(++n)), CreditDebitCode.DBIT, t.amount(), file.currency(), day)
                                .addNtryDtls(new EntryDetails9().addTxDtls(transaction(t, file.currency(), false))));
                net = net.subtract(t.amount());
            }
        }
        if (faults.contains(Fault.RETURN_AC04) && !file.transfers().isEmpty()) {
            Transfer returned = file.transfers().get(0);
            EntryTransaction10 tx = transaction(returned, file.currency(), false)
                    .setRtrInf(new PaymentReturnReason5().setRsn(new ReturnReason5Choice().setCd("AC04")));
            entries.add(entry(ref(file, "R"), CreditDebitCode.CRDT, returned.amount(), file.currency(), day)
                    .addNtryDtls(new EntryDetails9().addTxDtls(tx)));
            net = net.add(returned.amount());
        }
        if (!"JPY".equals(file.currency())) {
            // The bank's FX desk sold the batch's currency to the house: the cover comes in before the payouts go out.
            BigDecimal cover = file.transfers().stream().map(Transfer::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            Transfer fx = new Transfer("FXC" + file.messageId().substring(3), cover, "SANDBOX FX DESK");
            entries.add(
                    0,
                    entry(ref(file, "FX"), CreditDebitCode.CRDT, cover, file.currency(), day)
                            .addNtryDtls(new EntryDetails9().addTxDtls(transaction(fx, file.currency(), false))));
            net = net.add(cover);
        }
        String xml = document(file, entries, net, day);
        return faults.contains(Fault.LOCAL_TIMES) ? inLocalTime(xml, bankZone) : xml;
    }

    /**
     * The funding bank's statement of one day's bookings on the house's account (camt.053.001.08): one entry per
     * booking, bank transaction code PMNT/RDDT (received direct debits), opening balance 0. Deterministic: the same
     * bookings give the same document, so a statement sent twice is recognised as the same file.
     */
    public static String fundingStatement(
            String statementId, String account, String currency, LocalDate day, List<Booking> bookings) {
        AccountStatement9 statement = new AccountStatement9()
                .setId(statementId)
                .setCreDtTm(day.atTime(23, 0).atOffset(java.time.ZoneOffset.UTC))
                .setAcct(new CashAccount39()
                        .setCcy(currency)
                        .setId(new AccountIdentification4Choice()
                                .setOthr(new GenericAccountIdentification1().setId(account))));
        BigDecimal net = BigDecimal.ZERO;
        List<ReportEntry10> entries = new ArrayList<>();
        for (Booking b : bookings) {
            boolean credit = b.direction() == CreditDebitCode.CRDT;
            Party40Choice party = new Party40Choice().setPty(new PartyIdentification135().setNm(b.counterparty()));
            TransactionParties6 parties =
                    credit ? new TransactionParties6().setDbtr(party) : new TransactionParties6().setCdtr(party);
            // AcctSvcrRef is Max35Text: "F" + an end-to-end id of at most 33 characters ("R" + 32 hex).
            entries.add(entry("F" + b.endToEndId(), b.direction(), b.amount(), currency, day, "RDDT")
                    .addNtryDtls(new EntryDetails9()
                            .addTxDtls(new EntryTransaction10()
                                    .setRefs(new TransactionReferences6().setEndToEndId(b.endToEndId()))
                                    .setRltdPties(parties))));
            net = credit ? net.add(b.amount()) : net.subtract(b.amount());
        }
        statement.addBal(balance("OPBD", BigDecimal.ZERO, currency, day));
        statement.addBal(balance("CLBD", net, currency, day));
        entries.forEach(statement::addNtry);
        return new MxCamt05300108()
                .setBkToCstmrStmt(new BankToCustomerStatementV08()
                        .setGrpHdr(new GroupHeader81()
                                .setMsgId(statementId)
                                .setCreDtTm(day.atTime(23, 0).atOffset(java.time.ZoneOffset.UTC)))
                        .addStmt(statement))
                .document();
    }

    private static List<Transfer> executed(List<Transfer> transfers, Set<Fault> faults) {
        List<Transfer> executed = new ArrayList<>(transfers);
        if (executed.isEmpty()) {
            return executed;
        }
        if (faults.contains(Fault.SHORT_PAY)) {
            Transfer first = executed.get(0);
            executed.set(
                    0,
                    new Transfer(
                            first.endToEndId(),
                            first.amount()
                                    .subtract(BigDecimal.ONE.movePointLeft(
                                            first.amount().scale())),
                            first.creditor()));
        }
        if (faults.contains(Fault.DUPLICATE)) {
            executed.add(executed.get(0));
        }
        if (faults.contains(Fault.DROP)) {
            executed.remove(0);
        }
        return executed;
    }

    private static String document(PayoutFile file, List<ReportEntry10> entries, BigDecimal net, LocalDate day) {
        String id = "SBX" + tail(file);
        AccountStatement9 statement = new AccountStatement9()
                .setId(id)
                .setCreDtTm(day.atTime(23, 0).atOffset(java.time.ZoneOffset.UTC))
                .setAcct(new CashAccount39()
                        .setCcy(file.currency())
                        .setId(new AccountIdentification4Choice()
                                .setOthr(new GenericAccountIdentification1().setId(file.account()))));
        statement.addBal(balance("OPBD", BigDecimal.ZERO, file.currency(), day));
        statement.addBal(balance("CLBD", net, file.currency(), day));
        entries.forEach(statement::addNtry);
        return new MxCamt05300108()
                .setBkToCstmrStmt(new BankToCustomerStatementV08()
                        .setGrpHdr(new GroupHeader81()
                                .setMsgId(id)
                                .setCreDtTm(day.atTime(23, 0).atOffset(java.time.ZoneOffset.UTC)))
                        .addStmt(statement))
                .document();
    }

    /** The file's identity without our "KKH" prefix (32 characters). */
    private static String tail(PayoutFile file) {
        String id = file.messageId();
        return id.length() > 32 ? id.substring(id.length() - 32) : id;
    }

    /** A bank reference of at most 35 characters (ISO 20022 Max35Text): "S" + 24 of the file + "-" + suffix. */
    private static String ref(PayoutFile file, String suffix) {
        String tail = tail(file);
        return "S" + tail.substring(0, Math.min(24, tail.length())) + "-" + suffix;
    }

    private static ReportEntry10 entry(
            String reference, CreditDebitCode direction, BigDecimal amount, String currency, LocalDate day) {
        return entry(reference, direction, amount, currency, day, "ICDT");
    }

    private static ReportEntry10 entry(
            String reference,
            CreditDebitCode direction,
            BigDecimal amount,
            String currency,
            LocalDate day,
            String family) {
        return new ReportEntry10()
                .setNtryRef(reference)
                .setAmt(amount(amount, currency))
                .setCdtDbtInd(direction)
                .setSts(new EntryStatus1Choice().setCd("BOOK"))
                .setBookgDt(new DateAndDateTime2Choice().setDt(day))
                .setValDt(new DateAndDateTime2Choice().setDt(day))
                .setAcctSvcrRef(reference)
                .setBkTxCd(new BankTransactionCodeStructure4()
                        .setDomn(new BankTransactionCodeStructure5()
                                .setCd("PMNT")
                                .setFmly(new BankTransactionCodeStructure6()
                                        .setCd(family)
                                        .setSubFmlyCd("OTHR"))));
    }

    private static EntryTransaction10 transaction(Transfer t, String currency, boolean withAmount) {
        EntryTransaction10 tx = new EntryTransaction10()
                .setRefs(new TransactionReferences6().setEndToEndId(t.endToEndId()))
                .setRltdPties(new TransactionParties6()
                        .setCdtr(new Party40Choice()
                                .setPty(new PartyIdentification135()
                                        .setNm(t.creditor() == null ? "UNKNOWN" : t.creditor()))));
        return withAmount ? tx.setAmt(amount(t.amount(), currency)) : tx;
    }

    private static CashBalance8 balance(String code, BigDecimal signed, String currency, LocalDate day) {
        return new CashBalance8()
                .setTp(new BalanceType13().setCdOrPrtry(new BalanceType10Choice().setCd(code)))
                .setAmt(amount(signed.abs(), currency))
                .setCdtDbtInd(signed.signum() < 0 ? CreditDebitCode.DBIT : CreditDebitCode.CRDT)
                .setDt(new DateAndDateTime2Choice().setDt(day));
    }

    private static ActiveOrHistoricCurrencyAndAmount amount(BigDecimal value, String currency) {
        return new ActiveOrHistoricCurrencyAndAmount().setCcy(currency).setValue(value);
    }

    /** Rewrites every creation time as the bank's local time without an offset. */
    static String inLocalTime(String xml, ZoneId zone) {
        Matcher m = CREATION_TIME.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String local = java.time.OffsetDateTime.parse(m.group(2))
                    .atZoneSameInstant(zone)
                    .toLocalDateTime()
                    .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + local + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
