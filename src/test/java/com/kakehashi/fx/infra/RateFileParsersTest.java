package com.kakehashi.fx.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.FxRate;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateFileParsersTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-25T03:00:00Z");

    private static InputStream text(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    static final String ECB_DAILY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
              <gesmes:subject>Reference rates</gesmes:subject>
              <Cube>
                <Cube time='2026-11-24'>
                  <Cube currency='USD' rate='1.0480'/>
                  <Cube currency='JPY' rate='161.20'/>
                  <Cube currency='CNY' rate='7.5870'/>
                </Cube>
                <Cube time='2026-11-23'>
                  <Cube currency='JPY' rate='160.95'/>
                </Cube>
              </Cube>
            </gesmes:Envelope>
            """;

    @Test
    void ecbRatesReadAsOneEuroInEachCurrencyValidFromFourPmFrankfurt() {
        List<FxRate> rates = EcbReferenceRatesParser.parse(text(ECB_DAILY), RECEIVED);
        assertThat(rates).hasSize(4);
        FxRate jpy = rates.get(1);
        assertThat(jpy.pair()).isEqualTo(CurrencyPair.of("EUR", "JPY"));
        assertThat(jpy.mid()).isEqualByComparingTo("161.20");
        assertThat(jpy.source()).isEqualTo("ECB");
        assertThat(jpy.validFrom()).isEqualTo(Instant.parse("2026-11-24T15:00:00Z")); // 16:00 CET
        assertThat(rates.get(3).validFrom()).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
    }

    @Test
    void externalEntitiesAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Envelope><Cube><Cube time='2026-11-24'><Cube currency='USD' rate='&xxe;'/></Cube></Cube></Envelope>
                """;
        assertThatThrownBy(() -> EcbReferenceRatesParser.parse(text(xxe), RECEIVED))
                .isInstanceOf(RateFileException.class);
    }

    @Test
    void entityExpansionBombsAreRefused() {
        String lol = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <Envelope><Cube><Cube time='2026-11-24'><Cube currency='USD' rate='1'/>&lol3;</Cube></Cube></Envelope>
                """;
        assertThatThrownBy(() -> EcbReferenceRatesParser.parse(text(lol), RECEIVED))
                .isInstanceOf(RateFileException.class);
    }

    @Test
    void aBadEcbRateNamesItsLine() {
        String bad = ECB_DAILY.replace("rate='7.5870'", "rate='seven'");
        assertThatThrownBy(() -> EcbReferenceRatesParser.parse(text(bad), RECEIVED))
                .isInstanceOf(RateFileException.class)
                .hasMessageContaining("line 8")
                .hasMessageContaining("seven");
    }

    @Test
    void aFileWithoutRatesIsRefused() {
        assertThatThrownBy(() -> EcbReferenceRatesParser.parse(text("<Envelope/>"), RECEIVED))
                .isInstanceOf(RateFileException.class)
                .hasMessageContaining("no rates");
    }

    @Test
    void bankCsvRatesCarryBidMidAskAndTheBankAsSource() {
        String csv = """
                # cn-settlement-bank rates, morning fixing
                base,quote,bid,mid,ask,valid_from
                CNY,JPY,21.10,21.15,21.20,2026-11-25T01:00:00Z
                USD,CNY,,7.2412,,2026-11-25T01:00:00Z
                """;
        List<FxRate> rates = BankRateCsvParser.parse(text(csv), "cn-settlement-bank", RECEIVED);
        assertThat(rates).hasSize(2);
        assertThat(rates.get(0).bid()).isEqualByComparingTo("21.10");
        assertThat(rates.get(0).ask()).isEqualByComparingTo("21.20");
        assertThat(rates.get(0).source()).isEqualTo("bank:cn-settlement-bank");
        assertThat(rates.get(1).bid()).isNull();
    }

    @Test
    void aBankCsvErrorNamesTheLine() {
        String csv = "base,quote,bid,mid,ask,valid_from\nCNY,JPY,21.30,21.15,21.20,2026-11-25T01:00:00Z\n";
        assertThatThrownBy(() -> BankRateCsvParser.parse(text(csv), "b", RECEIVED))
                .isInstanceOf(RateFileException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("bid");
        assertThatThrownBy(() -> BankRateCsvParser.parse(text("base,quote\n"), "b", RECEIVED))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> BankRateCsvParser.parse(
                        text("base,quote,bid,mid,ask,valid_from\nCNY,JPY,,x,,2026\n"), "b", RECEIVED))
                .hasMessageContaining("line 2");
    }
}
