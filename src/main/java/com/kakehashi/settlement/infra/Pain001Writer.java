package com.kakehashi.settlement.infra;

import com.kakehashi.settlement.domain.EndToEndIds;
import com.kakehashi.settlement.domain.SettlementItem;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes a batch as an ISO 20022 pain.001.001.09 customer credit transfer initiation with Prowide.
 * Deterministic: every value derives from the batch (the creation time is the cut-off), so writing
 * it again after a crash gives the same bytes.
 */
public final class Pain001Writer {
    static final String INITIATING_PARTY = "Kakehashi";

    private Pain001Writer() {}

    public static byte[] write(PayoutInstruction instruction) {
        List<SettlementItem> payouts = instruction.payouts();
        BigDecimal total = payouts.stream()
                .map(item -> amount(item, instruction.currency()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String messageId = EndToEndIds.messageId(instruction.batchId());
        GroupHeader85 header = new GroupHeader85()
                .setMsgId(messageId)
                .setCreDtTm(instruction.cutoff().atOffset(ZoneOffset.UTC))
                .setNbOfTxs(Integer.toString(payouts.size()))
                .setCtrlSum(total)
                .setInitgPty(new PartyIdentification135().setNm(INITIATING_PARTY));
        PaymentInstruction30 payment = new PaymentInstruction30()
                .setPmtInfId(messageId)
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setNbOfTxs(Integer.toString(payouts.size()))
                .setCtrlSum(total)
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(instruction.executionDate()))
                .setDbtr(new PartyIdentification135().setNm(INITIATING_PARTY))
                .setDbtrAcct(account(instruction.settlementAccount()))
                .setDbtrAgt(new BranchAndFinancialInstitutionIdentification6()
                        .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(instruction.bankBic())));
        for (SettlementItem item : payouts) {
            payment.addCdtTrfTxInf(new CreditTransferTransaction34()
                    .setPmtId(new PaymentIdentification6().setEndToEndId(item.endToEndId()))
                    .setAmt(new AmountType4Choice()
                            .setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                                    .setCcy(instruction.currency())
                                    .setValue(amount(item, instruction.currency()))))
                    .setCdtr(new PartyIdentification135().setNm(item.merchantName()))
                    .setCdtrAcct(account(item.payoutAccount()))
                    .setRmtInf(new RemittanceInformation16()
                            .addUstrd("Kakehashi settlement " + instruction.cutoff() + ": " + item.payments()
                                    + " payments, " + item.refunds() + " refunds")));
        }
        MxPain00100109 message = new MxPain00100109()
                .setCstmrCdtTrfInitn(new CustomerCreditTransferInitiationV09()
                        .setGrpHdr(header)
                        .addPmtInf(payment));
        return message.document().getBytes(StandardCharsets.UTF_8);
    }

    private static CashAccount38 account(String id) {
        return new CashAccount38()
                .setId(new AccountIdentification4Choice().setOthr(new GenericAccountIdentification1().setId(id)));
    }

    /** The item's net as the file's decimal; an item in another currency than the instruction's is refused. */
    private static BigDecimal amount(SettlementItem item, String currency) {
        if (!item.net().currencyCode().equals(currency)) {
            throw new IllegalArgumentException("a " + item.net().currency() + " payout in a " + currency + " file");
        }
        return item.net().decimal();
    }
}
