package com.kakehashi.common.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void aBankControlledFormulaBecomesTextAndCannotShiftColumns() throws Exception {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row("statement_id", "amount");
            csv.row("X,=cmd|' /C calc'!A0", "-1500");
        }
        var records = CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
        CSVRecord attack = records.get(1);
        assertThat(attack.size()).isEqualTo(2);
        assertThat(attack.get(0)).isEqualTo("X,=cmd|' /C calc'!A0");
        assertThat(attack.get(1)).isEqualTo("-1500");
    }

    @Test
    void cellsStartingWithFormulaCharactersArePrefixedWithAQuote() {
        for (String attack : new String[] {"=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(CsvWriter.neutralised(attack)).startsWith("'").endsWith(attack);
        }
    }

    @Test
    void plainNumbersAndOrdinaryTextAreLeftAlone() {
        assertThat(CsvWriter.neutralised("-1500")).isEqualTo("-1500");
        assertThat(CsvWriter.neutralised("128.50")).isEqualTo("128.50");
        assertThat(CsvWriter.neutralised("Akihabara \"Denki\"")).isEqualTo("Akihabara \"Denki\"");
        assertThat(CsvWriter.neutralised(null)).isEmpty();
    }

    @Test
    void quotesAndLineBreaksAreQuotedPerRfc4180() {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row("a \"quoted\" name", "two\nlines", null);
        }
        assertThat(out.toString()).isEqualTo("\"a \"\"quoted\"\" name\",\"two\nlines\",\r\n");
    }
}
