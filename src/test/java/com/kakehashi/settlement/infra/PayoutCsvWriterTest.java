package com.kakehashi.settlement.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.settlement.domain.EndToEndIds;
import com.kakehashi.settlement.domain.MerchantNetting;
import com.kakehashi.settlement.domain.SettlementItem;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Issue 9 item 6: merchant names go into the payout CSV quoted and neutralised, never as formulas or extra columns. */
class PayoutCsvWriterTest {
    private static final UUID BATCH = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final Instant CUTOFF = Instant.parse("2026-11-25T09:00:00Z");

    private static SettlementItem payoutTo(String name, long netFen) {
        UUID merchant = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        return new SettlementItem(
                merchant,
                name,
                "6222020200112233445",
                3,
                0,
                MerchantNetting.of(MinorAmount.of(netFen, "CNY"), MinorAmount.of(0, "CNY"), 0),
                MinorAmount.of(0, "JPY"),
                EndToEndIds.of(BATCH, CUTOFF, merchant));
    }

    private static List<CSVRecord> written(SettlementItem... payouts) throws Exception {
        byte[] csv = PayoutCsvWriter.write(new PayoutInstruction(BATCH, CUTOFF, "B", "A", "CNY", List.of(payouts)));
        return CSVFormat.RFC4180
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))
                .getRecords();
    }

    @Test
    void aMerchantNamedLikeAFormulaIsWrittenAsText() throws Exception {
        List<CSVRecord> records = written(payoutTo("=HYPERLINK(\"http://x.example\")", 12_850));

        assertThat(records).hasSize(2);
        assertThat(records.get(1).size()).isEqualTo(8);
        assertThat(records.get(1).get(2)).isEqualTo("'=HYPERLINK(\"http://x.example\")");
        assertThat(records.get(1).get(5)).isEqualTo("128.50");
    }

    @Test
    void aMerchantNameWithACommaAndAQuoteStaysOneColumn() throws Exception {
        List<CSVRecord> records = written(payoutTo("Tea, \"House\"", 12_850), payoutTo("+Plus Mart", 100));

        assertThat(records)
                .hasSize(3)
                .allSatisfy(record -> assertThat(record.size()).isEqualTo(8));
        assertThat(records.get(1).get(2)).isEqualTo("Tea, \"House\"");
        assertThat(records.get(2).get(2)).isEqualTo("'+Plus Mart");
        assertThat(records.get(0).values())
                .containsExactly(
                        "end_to_end_id",
                        "merchant_id",
                        "merchant_name",
                        "payout_account",
                        "currency",
                        "amount",
                        "payments",
                        "refunds");
    }

    @Test
    void theBytesAreTheSameEveryTime() {
        PayoutInstruction instruction =
                new PayoutInstruction(BATCH, CUTOFF, "B", "A", "CNY", List.of(payoutTo("Tea", 5)));
        assertThat(PayoutCsvWriter.write(instruction)).isEqualTo(PayoutCsvWriter.write(instruction));
    }
}
