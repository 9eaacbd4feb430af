package com.kakehashi.settlement.infra;

import com.kakehashi.common.money.Amounts;
import com.kakehashi.settlement.domain.SettlementItem;
import java.nio.charset.StandardCharsets;

/**
 * The payout file for banks that want CSV (documented in docs/settlement.md): UTF-8, header, one line per
 * payout, amounts as exact decimals; fields with a comma or quote are quoted.
 */
public final class PayoutCsvWriter {
    static final String HEADER = "end_to_end_id,merchant_id,merchant_name,payout_account,currency,amount,payments,refunds";

    private PayoutCsvWriter() {
    }

    public static byte[] write(PayoutInstruction instruction) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (SettlementItem item : instruction.payouts()) {
            csv.append(item.endToEndId()).append(',').append(item.merchantId()).append(',')
                    .append(quoted(item.merchantName())).append(',').append(quoted(item.payoutAccount())).append(',')
                    .append(instruction.currency()).append(',')
                    .append(Amounts.format(Amounts.fromMinor(item.netting().net(), instruction.currency()))).append(',')
                    .append(item.payments()).append(',').append(item.refunds()).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
