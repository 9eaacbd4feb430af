package com.kakehashi.bank.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.kakehashi.bank.infra.FundingBankClient.DebitRequest;
import com.kakehashi.common.xml.XsdValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox funding bank's book: what it approved and reversed, stated once, per booking day. */
class SandboxFundingLedgerTest {
    private static final String ACCOUNT = "JP0001-001-7777777";
    private static final DebitRequest DEBIT = new DebitRequest(
            "7f0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3", "0005", "123", "ORDINARY", "1234567", "ﾔﾏﾀﾞ ﾀﾛｳ", "8000", "JPY");

    @Test
    void anApprovedDebitIsACreditAndItsReversalADebitUnderTheEndToEndIdsTheBankDebitApiGives(@TempDir Path dir)
            throws Exception {
        SandboxFundingLedger ledger = new SandboxFundingLedger(dir.resolve("ledger"));
        LocalDate monday = LocalDate.of(2026, 11, 30);
        ledger.book(monday, "JPY", SandboxFundingLedger.approved(DEBIT));
        ledger.book(monday.plusDays(1), "JPY", SandboxFundingLedger.reversed(DEBIT));

        List<Path> sent = ledger.state(dir.resolve("drop"), ACCOUNT);

        assertThat(sent).hasSize(2); // one statement per booking day
        String first = Files.readString(sent.get(0), StandardCharsets.UTF_8);
        String second = Files.readString(sent.get(1), StandardCharsets.UTF_8);
        for (Path file : sent) {
            XsdValidator.validate("camt.053.001.08", Files.readAllBytes(file));
        }
        assertThat(first)
                .contains("7f0c1d2e3f404a5b8c6d7e8f90a1b2c3</")
                .contains(">CRDT<")
                .contains(">2026-11-30<")
                .contains(ACCOUNT);
        assertThat(second)
                .contains("R7f0c1d2e3f404a5b8c6d7e8f90a1b2c3</")
                .contains(">DBIT<")
                .contains(">2026-12-01<");
    }

    @Test
    void aBookingIsMadeAndStatedOnceHoweverOftenTheRequestComes(@TempDir Path dir) throws Exception {
        SandboxFundingLedger ledger = new SandboxFundingLedger(dir.resolve("ledger"));
        LocalDate day = LocalDate.of(2026, 11, 30);
        ledger.book(day, "JPY", SandboxFundingLedger.approved(DEBIT));
        ledger.book(day, "JPY", SandboxFundingLedger.approved(DEBIT));
        assertThat(ledger.state(dir.resolve("drop"), ACCOUNT)).singleElement();

        ledger.book(day, "JPY", SandboxFundingLedger.approved(DEBIT)); // after it was stated
        assertThat(ledger.state(dir.resolve("drop"), ACCOUNT)).isEmpty();
    }

    @Test
    void theSameBookingsGiveTheSameStatementSoAResentFileIsRecognised() {
        var bookings = List.of(SandboxFundingLedger.approved(DEBIT));
        LocalDate day = LocalDate.of(2026, 11, 30);
        String id = SandboxFundingLedger.statementId(day, bookings);
        assertThat(id).startsWith("SBXF20261130-").hasSizeLessThanOrEqualTo(35);
        assertThat(SandboxStatements.fundingStatement(id, ACCOUNT, "JPY", day, bookings))
                .isEqualTo(SandboxStatements.fundingStatement(
                        SandboxFundingLedger.statementId(day, bookings), ACCOUNT, "JPY", day, bookings));
    }
}
