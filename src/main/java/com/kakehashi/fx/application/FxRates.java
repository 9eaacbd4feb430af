package com.kakehashi.fx.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.fx.domain.ConversionEngine;
import com.kakehashi.fx.domain.CurrencyPair;
import com.kakehashi.fx.domain.FxRate;
import com.kakehashi.fx.domain.Plausibility;
import com.kakehashi.fx.domain.RateBook;
import com.kakehashi.fx.domain.RateResolver;
import com.kakehashi.fx.domain.ResolvedRate;
import com.kakehashi.fx.infra.FxRateRepository;
import com.kakehashi.fx.infra.FxRateRepository.StoredRate;
import com.kakehashi.fx.infra.SpiStoreRateProvider;
import com.kakehashi.fx.infra.StoreRateProvider;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.convert.ExchangeRateProvider;
import org.javamoney.moneta.Money;

/**
 * The rate store's service: stores rates (history, never overwritten) for {@link RateSubmissions} and
 * {@link HeldRates}, keeps the in-memory {@link RateBook} in step with the database through a
 * {@link RateFeed}, and resolves rates for a point in time.
 */
@ApplicationScoped
public class FxRates {
    private FxRateRepository repository;
    private final RateBook book = new RateBook();
    private List<String> pivots;
    private RateResolver resolver;
    private ConversionEngine engine;
    private Plausibility plausibility;
    private RateFeed feed;

    @Inject
    FxRates(FxConfig config, FxRateRepository repository) {
        this.repository = repository;
        this.pivots = List.copyOf(config.pivots());
        this.resolver = new RateResolver(book, pivots);
        this.engine = new ConversionEngine(resolver);
        this.plausibility = new Plausibility(book, resolver);
        this.feed = new RateFeed(repository, book);
    }

    /** For CDI's proxy only. */
    protected FxRates() {}

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
    @Scheduled(
            every = "${kakehashi.fx.refresh-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            executeWith = Scheduled.SIMPLE)
    void refreshFromOtherInstances() {
        refresh();
    }

    /** Reads every rate committed since the last refresh (by this or another instance) into the book. */
    public void refresh() {
        feed.poll();
    }

    /**
     * Stores a rate in the caller's transaction, unless this source already published these figures for
     * the pair and instant (inserted = false); different figures for them are a conflict: history is not
     * rewritten. The book learns the rate through {@link #learn} once the transaction committed.
     */
    FxRateRepository.Insertion store(FxRate rate, String recordedBy) {
        return requireSameFigures(repository.insertIfAbsent(rate, recordedBy), rate);
    }

    /** What this source already published for the rate's pair and instant (in the caller's transaction). */
    Optional<FxRate> alreadyPublished(FxRate rate) {
        Optional<FxRate> stored =
                repository.find(rate.source(), rate.pair(), rate.validFrom()).map(StoredRate::rate);
        stored.ifPresent(s -> requireSameFigures(s, rate));
        return stored;
    }

    /** Adds committed rates to this instance's book at once (other instances read them on their next refresh). */
    void learn(List<FxRate> committed) {
        book.addAll(committed);
    }

    Plausibility plausibility() {
        return plausibility;
    }

    public ResolvedRate resolve(CurrencyPair pair, Instant at) {
        return resolver.resolve(pair, at).orElseThrow(() -> unavailable(pair, at));
    }

    /** An indicative conversion at mid (rounded half-even); no staleness check, nothing locked. */
    public ConversionEngine.Conversion convert(Money amount, CurrencyUnit term, Instant at) {
        return engine.convert(amount, term, at)
                .orElseThrow(() -> unavailable(
                        new CurrencyPair(amount.getCurrency().getCurrencyCode(), term.getCurrencyCode()), at));
    }

    private BusinessException unavailable(CurrencyPair pair, Instant at) {
        return new BusinessException(
                ErrorCode.FX_RATE_UNAVAILABLE,
                "No " + pair + " rate in force at " + at + ", directly, inverted or through " + pivotsText());
    }

    public List<FxRate> history(CurrencyPair pair, Instant from, Instant to, int page, int size) {
        long offset = (long) page * size; // page=2147483647 is a far page, not an overflow
        return QuarkusTransaction.requiringNew().call(() -> repository.history(pair, from, to, offset, size)).stream()
                .map(StoredRate::rate)
                .toList();
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
        requireSameFigures(insertion.stored().rate(), rate);
        return insertion;
    }

    static void requireSameFigures(FxRate stored, FxRate rate) {
        if (!sameFigures(stored, rate)) {
            throw new BusinessException(
                    ErrorCode.RATE_CONFLICT,
                    rate.source() + " already published " + rate.pair() + " at " + rate.validFrom() + " as "
                            + stored.mid().toPlainString() + ", not "
                            + rate.mid().toPlainString());
        }
    }

    static boolean sameFigures(FxRate a, FxRate b) {
        return a.mid().compareTo(b.mid()) == 0 && same(a.bid(), b.bid()) && same(a.ask(), b.ask());
    }

    private static boolean same(java.math.BigDecimal a, java.math.BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
