package com.kakehashi.fx.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.fx.domain.ConversionEngine;
import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.FxRate;
import com.kakehashi.fx.domain.RateBook;
import com.kakehashi.fx.domain.RateResolver;
import com.kakehashi.fx.domain.ResolvedRate;
import com.kakehashi.fx.infra.FxRateRepository;
import com.kakehashi.fx.infra.FxRateRepository.StoredRate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import com.kakehashi.fx.infra.SpiStoreRateProvider;
import com.kakehashi.fx.infra.StoreRateProvider;
import jakarta.enterprise.inject.Produces;
import javax.money.convert.ExchangeRateProvider;
import java.util.List;
import java.util.Objects;
import javax.money.CurrencyUnit;
import org.javamoney.moneta.Money;

/**
 * The rate store's service: publishes rates (history, never overwritten), keeps the in-memory
 * {@link RateBook} in step with the database, and resolves rates for a point in time.
 */
@ApplicationScoped
public class FxRates {
    private static final int REFRESH_PAGE = 10_000;

    @Inject
    FxRateRepository repository;

    private final RateBook book = new RateBook();
    private List<String> pivots;
    private RateResolver resolver;
    private ConversionEngine engine;
    private long lastSeenId;

    @Inject
    FxRates(FxConfig config) {
        this.pivots = List.copyOf(config.pivots());
        this.resolver = new RateResolver(book, pivots);
        this.engine = new ConversionEngine(resolver);
    }

    /** For CDI's proxy only. */
    protected FxRates() {
    }

    public record Published(FxRate rate, boolean created) {
    }

    public record ImportResult(int received, int stored, int alreadyKnown) {
    }

    void loadAtStartup(@Observes StartupEvent started) {
        refresh();
        SpiStoreRateProvider.install(resolver);
    }

    /** The store as a JSR-354 provider, answering for the application's clock when a query names no time. */
    @Produces
    @jakarta.inject.Singleton
    ExchangeRateProvider exchangeRateProvider(Clock clock) {
        return new StoreRateProvider(() -> resolver, clock::instant);
    }

    public RateResolver resolver() {
        return resolver;
    }

    // Every instance keeps its own book: a local (simple) schedule, not a clustered Quartz job.
    @Scheduled(every = "${kakehashi.fx.refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            executeWith = Scheduled.SIMPLE)
    void refreshFromOtherInstances() {
        refresh();
    }

    /** Reads every rate stored since the last refresh (by this or another instance) into the book. */
    public synchronized void refresh() {
        for (int page = 0; page < 10_000; page++) {
            List<StoredRate> rows = QuarkusTransaction.requiringNew().call(() -> repository.after(lastSeenId, REFRESH_PAGE));
            if (rows.isEmpty()) {
                return;
            }
            book.addAll(rows.stream().map(StoredRate::rate).toList());
            lastSeenId = rows.get(rows.size() - 1).id();
        }
    }

    /**
     * Stores a rate; publishing the same rate again is recognised (created = false), a different
     * rate from the same source for the same pair and instant is a conflict: history is not rewritten.
     */
    public Published publish(FxRate rate, String recordedBy) {
        FxRateRepository.Insertion insertion =
                QuarkusTransaction.requiringNew().call(() -> repository.insertIfAbsent(rate, recordedBy));
        StoredRate stored = requireSameFigures(insertion, rate).stored();
        book.add(stored.rate());
        return new Published(stored.rate(), insertion.inserted());
    }

    /** Stores a file's rates in one transaction: all or nothing. */
    public ImportResult importAll(List<FxRate> rates, String recordedBy) {
        List<FxRateRepository.Insertion> insertions = QuarkusTransaction.requiringNew().call(() -> rates.stream()
                .map(rate -> requireSameFigures(repository.insertIfAbsent(rate, recordedBy), rate)).toList());
        int created = (int) insertions.stream().filter(FxRateRepository.Insertion::inserted).count();
        book.addAll(insertions.stream().map(i -> i.stored().rate()).toList());
        return new ImportResult(rates.size(), created, rates.size() - created);
    }

    public ResolvedRate resolve(CurrencyPair pair, Instant at) {
        return resolver.resolve(pair, at).orElseThrow(() -> unavailable(pair, at));
    }

    /** An indicative conversion at mid (rounded half-even); no staleness check, nothing locked. */
    public ConversionEngine.Conversion convert(Money amount, CurrencyUnit term, Instant at) {
        return engine.convert(amount, term, at).orElseThrow(() -> unavailable(
                new CurrencyPair(amount.getCurrency().getCurrencyCode(), term.getCurrencyCode()), at));
    }

    private BusinessException unavailable(CurrencyPair pair, Instant at) {
        return new BusinessException(ErrorCode.FX_RATE_UNAVAILABLE,
                "No " + pair + " rate in force at " + at + ", directly, inverted or through " + pivotsText());
    }

    public List<FxRate> history(CurrencyPair pair, Instant from, Instant to, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> repository.history(pair, from, to, page * size, size))
                .stream().map(StoredRate::rate).toList();
    }

    public ConversionEngine engine() {
        return engine;
    }

    public RateBook book() {
        return book;
    }

    private String pivotsText() {
        return String.join(", ", pivots);
    }

    private static FxRateRepository.Insertion requireSameFigures(FxRateRepository.Insertion insertion, FxRate rate) {
        FxRate stored = insertion.stored().rate();
        if (!sameFigures(stored, rate)) {
            throw new BusinessException(ErrorCode.RATE_CONFLICT, rate.source() + " already published " + rate.pair()
                    + " at " + rate.validFrom() + " as " + stored.mid().toPlainString() + ", not " + rate.mid().toPlainString());
        }
        return insertion;
    }

    private static boolean sameFigures(FxRate a, FxRate b) {
        return a.mid().compareTo(b.mid()) == 0 && same(a.bid(), b.bid()) && same(a.ask(), b.ask());
    }

    private static boolean same(java.math.BigDecimal a, java.math.BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
