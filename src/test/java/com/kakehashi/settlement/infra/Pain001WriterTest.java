package com.kakehashi.settlement.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kakehashi.common.money.MinorAmount;
import com.kakehashi.common.xml.XsdValidator;
import com.kakehashi.settlement.domain.MerchantNetting;
import com.kakehashi.settlement.domain.SettlementItem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class Pain001WriterTest {
    private static final UUID BATCH = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final Instant CUTOFF = Instant.parse("2026-11-25T09:00:00Z");

    private static SettlementItem item(String name, long netFen) {
        UUID merchant = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        return new SettlementItem(
                merchant,
                name,
                "6222020200112233445",
                3,
                0,
                MerchantNetting.of(MinorAmount.of(netFen, "CNY"), MinorAmount.of(0, "CNY"), 0),
                MinorAmount.of(0, "JPY"),
                com.kakehashi.settlement.domain.EndToEndIds.of(BATCH, CUTOFF, merchant));
    }

    @Test
    void aBatchIsAValidPain001WithTwoDecimalYuanAmountsAndTheSameBytesEveryTime() {
        PayoutInstruction instruction = new PayoutInstruction(
                BATCH,
                CUTOFF,
                "KKHSCNSHXXX",
                "CN6222020200999999",
                "CNY",
                List.of(item("Nanjing Road Tea House", 12_850), item("Pudong Electronics", 1_000_000)));
        byte[] xml = Pain001Writer.write(instruction);
        XsdValidator.validate("pain.001.001.09", xml);
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("<doc:CtrlSum>10128.50</doc:CtrlSum>")
                .contains("Ccy=\"CNY\">128.50</doc:InstdAmt>")
                .contains("<doc:NbOfTxs>2</doc:NbOfTxs>");
        assertThat(Pain001Writer.write(instruction)).isEqualTo(xml);
    }

    @Test
    void theOfficialSchemaRefusesADocumentWithoutTransactions() {
        byte[] empty =
                Pain001Writer.write(new PayoutInstruction(BATCH, CUTOFF, "KKHSCNSHXXX", "ACC", "CNY", List.of()));
        assertThatThrownBy(() -> XsdValidator.validate("pain.001.001.09", empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line")
                .hasMessageContaining("CdtTrfTxInf");
    }
}
