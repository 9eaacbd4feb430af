package com.kakehashi.settlement.infra;

import com.kakehashi.common.csv.CsvWriter;
import com.kakehashi.common.money.Amounts;
import com.kakehashi.settlement.domain.SettlementItem;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * The payout file for banks that want CSV (documented in docs/settlement.md): UTF-8, header, one record per
 * payout, amounts as exact decimals; written through the service's one CSV writer, so merchant names are
 * RFC 4180-quoted and can never become spreadsheet formulas.
 */
public final class PayoutCsvWriter {
    static final String[] HEADER = {
        "end_to_end_id", "merchant_id", "merchant_name", "payout_account", "currency", "amount", "payments", "refunds"
    };

    private PayoutCsvWriter() {}

    public static byte[] write(PayoutInstruction instruction) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row((Object[]) HEADER);
            for (SettlementItem item : instruction.payouts()) {
                csv.row(
                        item.endToEndId(),
                        item.merchantId(),
                        item.merchantName(),
                        item.payoutAccount(),
                        instruction.currency(),
                        Amounts.format(Amounts.fromMinor(
                                item.net().amount(), item.net().currency())),
                        item.payments(),
                        item.refunds());
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
