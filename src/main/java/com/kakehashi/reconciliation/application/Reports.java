package com.kakehashi.reconciliation.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.reconciliation.infra.BreakRepository;
import com.kakehashi.reconciliation.infra.StatementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Counts and sums (minor units) by outcome, per statement, per batch, per bank and day. */
@ApplicationScoped
public class Reports {
    @Inject
    BreakRepository breaks;
    @Inject
    StatementRepository statements;

    public record Line(String outcome, long count, long amountMinor) {
    }

    public record Report(String scope, String bankId, Boolean balanced, List<Line> lines) {
        public String csv() {
            StringBuilder csv = new StringBuilder("scope,outcome,count,amount_minor\n");
            lines.forEach(l -> csv.append(scope).append(',').append(l.outcome()).append(',').append(l.count()).append(',')
                    .append(l.amountMinor()).append('\n'));
            return csv.toString();
        }
    }

    @Transactional
    public Report statement(UUID statementId) {
        var row = statements.byId(statementId).orElseThrow(() -> new BusinessException(ErrorCode.STATEMENT_NOT_FOUND,
                "No statement " + statementId));
        return new Report("statement " + row.statementRef(), row.bankId(), row.balanced(),
                lines(breaks.totals(null, statementId, null, null)));
    }

    @Transactional
    public Report batch(UUID batchId) {
        return new Report("batch " + batchId, null, null, lines(breaks.totals(null, null, batchId, null)));
    }

    @Transactional
    public Report bank(String bankId, LocalDate day) {
        return new Report("bank " + bankId + (day == null ? "" : " " + day), bankId, null,
                lines(breaks.totals(bankId, null, null, day)));
    }

    private static List<Line> lines(List<BreakRepository.OutcomeTotals> totals) {
        return totals.stream().map(t -> new Line(t.outcome(), t.count(), t.amountMinor())).toList();
    }
}
