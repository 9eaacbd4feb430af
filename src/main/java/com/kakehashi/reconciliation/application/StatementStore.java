package com.kakehashi.reconciliation.application;

import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.reconciliation.domain.StatementEntry;
import com.kakehashi.reconciliation.domain.StatementHeader;
import com.kakehashi.reconciliation.infra.IntakeRepository.IntakeRow;
import com.kakehashi.reconciliation.infra.StatementFileException;
import com.kakehashi.reconciliation.infra.StatementRepository;
import com.kakehashi.reconciliation.infra.StatementSink;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where the readers put a file's statements: each statement row first (unprocessed, so matching cannot
 * see it yet), its lines by COPY a chunk per transaction, and its totals last. A statement in another
 * currency than the bank's is refused; the balance sum cannot overflow (BigInteger, checked to fit).
 */
final class StatementStore implements StatementSink {
    static final int CHUNK = 10_000;
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);

    private final IntakeRow intake;
    private final PartnerBank bank;
    private final StatementRepository repository;
    private final Clock clock;
    private final List<UUID> statementIds = new ArrayList<>();
    private final List<StatementEntry> chunk = new ArrayList<>(CHUNK);
    private final Map<Integer, String> problems = new LinkedHashMap<>();
    private String format;
    private boolean balanced = true;
    private int entries;
    private int unprocessable;
    // the statement being stored
    private UUID current;
    private StatementHeader header;
    private long total;
    private BigInteger bigTotal;
    private int count;

    StatementStore(IntakeRow intake, PartnerBank bank, StatementRepository repository, Clock clock) {
        this.intake = intake;
        this.bank = bank;
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public void begin(StatementHeader statement) {
        if (!statement.currency().equals(bank.currency())) {
            throw new BusinessException(
                    ErrorCode.STATEMENT_CURRENCY_MISMATCH,
                    "statement " + statement.statementRef() + " is in " + statement.currency() + "; bank " + bank.id()
                            + " keeps its account in " + bank.currency());
        }
        header = statement;
        format = format == null ? statement.format().name() : format;
        current = UUID.randomUUID();
        total = 0;
        bigTotal = BigInteger.ZERO;
        count = 0;
        UUID id = current;
        QuarkusTransaction.requiringNew()
                .run(() -> repository.begin(
                        id,
                        intake.id(),
                        intake.bankId(),
                        statement,
                        intake.sha256(),
                        intake.receivedBy(),
                        clock.instant()));
        statementIds.add(id);
    }

    @Override
    public void entry(StatementEntry entry) {
        if (current == null) {
            throw new StatementFileException("a line before its statement");
        }
        chunk.add(entry);
        count++;
        if (entry.booked()) {
            long signed = entry.signed().amount();
            long sum = total + signed;
            if (((total ^ sum) & (signed ^ sum)) < 0) { // Math.addExact's overflow test, without the exception
                bigTotal = bigTotal.add(BigInteger.valueOf(total)).add(BigInteger.valueOf(signed));
                total = 0;
            } else {
                total = sum;
            }
        }
        if (chunk.size() + problems.size() >= CHUNK) {
            flush();
        }
    }

    @Override
    public void unprocessable(int seq, String reason) {
        problems.put(seq, reason);
        unprocessable++;
        count++;
        if (chunk.size() + problems.size() >= CHUNK) {
            flush();
        }
    }

    @Override
    public void end() {
        flush();
        BigInteger sum = bigTotal.add(BigInteger.valueOf(total));
        if (sum.compareTo(MAX) > 0 || sum.compareTo(MIN) < 0) {
            throw new StatementFileException(
                    "statement " + header.statementRef() + ": its entries add up beyond any balance");
        }
        boolean addsUp = header.addsUp(sum);
        balanced &= addsUp;
        entries += count;
        UUID id = current;
        int lines = count;
        QuarkusTransaction.requiringNew().run(() -> repository.finish(id, sum, addsUp, lines));
        current = null;
    }

    private void flush() {
        if (chunk.isEmpty() && problems.isEmpty()) {
            return;
        }
        UUID id = current;
        List<StatementEntry> lines = List.copyOf(chunk);
        Map<Integer, String> bad = Map.copyOf(problems);
        QuarkusTransaction.requiringNew().run(() -> {
            repository.copyEntries(id, lines);
            repository.lineProblems(id, bad);
        });
        chunk.clear();
        problems.clear();
    }

    List<UUID> statementIds() {
        return statementIds;
    }

    String format() {
        return format;
    }

    int entries() {
        return entries;
    }

    int unprocessable() {
        return unprocessable;
    }

    boolean balanced() {
        return balanced;
    }
}
