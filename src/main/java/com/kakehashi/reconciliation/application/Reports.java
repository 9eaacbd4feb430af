package com.kakehashi.reconciliation.application;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.common.csv.CsvWriter;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.reconciliation.infra.BreakRepository;
import com.kakehashi.reconciliation.infra.StatementRepository;
import com.kakehashi.reconciliation.infra.StatementRepository.StatementRow;
import com.kakehashi.settlement.application.SettlementRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.StringWriter;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Counts and sums (minor units, exact) by outcome, per statement, per batch, per bank and day. */
@ApplicationScoped
public class Reports {
    @Inject
    BreakRepository breaks;

    @Inject
    StatementRepository statements;

    @Inject
    PartnerBanks banks;

    @Inject
    SettlementRuns settlement;

    public record Line(String outcome, long count, BigInteger amountMinor) {}

    public record Report(String scope, String bankId, Boolean balanced, List<Line> lines) {
        /** Through the one CSV writer: a bank-controlled statement reference can neither shift columns nor become a formula. */
        public String csv() {
            StringWriter out = new StringWriter();
            try (CsvWriter csv = CsvWriter.to(out)) {
                csv.row("scope", "outcome", "count", "amount_minor");
                lines.forEach(l -> csv.row(scope, l.outcome(), l.count(), l.amountMinor()));
            }
            return out.toString();
        }
    }

    /** One statement, by its own id or by the id of the file (intake) that brought it and its siblings. */
    @Transactional
    public Report statement(UUID id) {
        List<StatementRow> rows = statements.byIntake(id);
        if (rows.isEmpty()) {
            rows = statements
                    .byId(id)
                    .map(List::of)
                    .orElseThrow(() -> new BusinessException(ErrorCode.STATEMENT_NOT_FOUND, "No statement " + id));
        }
        String refs = String.join(
                " ", rows.stream().map(StatementRow::statementRef).distinct().toList());
        return new Report(
                "statement " + refs,
                rows.get(0).bankId(),
                rows.stream().allMatch(StatementRow::balanced),
                lines(breaks.totals(null, rows.stream().map(StatementRow::id).toList(), null, null)));
    }

    public Report batch(UUID batchId) {
        settlement.batch(batchId); // 404 for a batch that does not exist
        return lines("batch " + batchId, null, breaks, b -> b.totals(null, null, batchId, null));
    }

    public Report bank(String bankId, LocalDate day) {
        banks.byId(bankId); // 404 for a bank that does not exist
        return lines(
                "bank " + bankId + (day == null ? "" : " " + day),
                bankId,
                breaks,
                b -> b.totals(bankId, null, null, day));
    }

    private static Report lines(
            String scope,
            String bankId,
            BreakRepository breaks,
            java.util.function.Function<BreakRepository, List<BreakRepository.OutcomeTotals>> query) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> new Report(scope, bankId, null, lines(query.apply(breaks))));
    }

    private static List<Line> lines(List<BreakRepository.OutcomeTotals> totals) {
        return totals.stream()
                .map(t -> new Line(t.outcome(), t.count(), t.amountMinor()))
                .toList();
    }
}
