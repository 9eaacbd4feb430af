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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Where the readers put a file's statements: each statement row first (unprocessed, so matching cannot
 * see it yet), its lines by COPY a chunk per transaction, and its totals last. A chunk is copied on the copier
 * thread while the reader parses the next one (one chunk in flight, in order); a statement's totals wait for its
 * last chunk, and a failed read waits for the chunk in flight before the intake is undone. A statement in another
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
    private final Executor copier;
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
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

    StatementStore(IntakeRow intake, PartnerBank bank, StatementRepository repository, Clock clock, Executor copier) {
        this.intake = intake;
        this.bank = bank;
        this.repository = repository;
        this.clock = clock;
        this.copier = copier;
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
        awaitCopied();
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
        chunk.clear();
        problems.clear();
        awaitCopied();
        inFlight = CompletableFuture.runAsync(
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    repository.copyEntries(id, lines);
                    repository.lineProblems(id, bad);
                }),
                copier);
    }

    /** Waits for the chunk in flight; its failure is the statement's. */
    private void awaitCopied() {
        join(inFlight);
    }

    /** Waits for work beside the reading; its failure (a refusal, a database error) is thrown as it was. */
    static void join(CompletableFuture<Void> work) {
        try {
            work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** After a failed read: nothing may still be writing when the intake is undone. */
    void settle() {
        try {
            inFlight.join();
        } catch (CompletionException | java.util.concurrent.CancellationException ignored) {
            // the read already failed; the intake is undone as a whole
        }
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
