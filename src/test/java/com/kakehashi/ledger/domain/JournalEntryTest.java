package com.kakehashi.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class JournalEntryTest {
    private static final UUID WALLET = UUID.randomUUID();
    private static final UUID MERCHANT = UUID.randomUUID();

    private static JournalEntry journal(List<Posting> postings) {
        return new JournalEntry(UUID.randomUUID(), JournalType.PAYMENT, "ref", Instant.EPOCH, postings);
    }

    @Test
    void aJournalThatSumsToZeroPerCurrencyIsAccepted() {
        JournalEntry entry = journal(List.of(
                Posting.debit(WALLET, Money.of(2731, "JPY")),
                Posting.credit(LedgerAccounts.fxPosition("JPY"), Money.of(2731, "JPY")),
                Posting.debit(LedgerAccounts.fxPosition("CNY"), Money.of(128.50, "CNY")),
                Posting.credit(MERCHANT, Money.of(128.50, "CNY"))));
        assertThat(entry.postings()).hasSize(4);
    }

    @Test
    void aJournalThatDoesNotBalanceIsRefused() {
        assertThatThrownBy(() -> journal(List.of(
                        Posting.debit(WALLET, Money.of(1000, "JPY")), Posting.credit(MERCHANT, Money.of(999, "JPY")))))
                .isInstanceOf(UnbalancedJournalException.class)
                .hasMessageContaining("JPY");
    }

    @Test
    void balancingAcrossCurrenciesIsNotBalancing() {
        assertThatThrownBy(() -> journal(List.of(
                        Posting.debit(WALLET, Money.of(100, "JPY")), Posting.credit(MERCHANT, Money.of(100, "CNY")))))
                .isInstanceOf(UnbalancedJournalException.class);
    }

    @Test
    void aSinglePostingIsNoJournal() {
        assertThatThrownBy(() -> journal(List.of(Posting.debit(WALLET, Money.of(1, "JPY")))))
                .isInstanceOf(UnbalancedJournalException.class);
    }

    @Test
    void aPostingNeverMovesZero() {
        assertThatThrownBy(() -> Posting.credit(WALLET, Money.of(0, "JPY")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
