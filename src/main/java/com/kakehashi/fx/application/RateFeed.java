package com.kakehashi.fx.application;

import com.kakehashi.fx.domain.RateBook;
import com.kakehashi.fx.infra.FxRateRepository;
import com.kakehashi.fx.infra.FxRateRepository.FollowedRate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One instance's view of the rates every instance stores: reads what was committed since its last poll
 * into its {@link RateBook}. The cursor is a transaction horizon, not an id: ids are taken at insert,
 * so a rate inserted first and committed last carries a lower id than rates already read, and
 * "id &gt; last seen" would skip it for ever. Instead each poll first takes the snapshot's xmin (every
 * transaction below it has ended), reads every rate stored by a transaction at or above the previous
 * horizon (in pages keyed by transaction and id, one index range scan each), and moves the cursor to the
 * new horizon. A transaction still running is at or above the
 * horizon, so its rates are read by a later poll, whatever their ids. Rows re-read while the horizon
 * waits for a long transaction are recognised by id and skipped.
 */
public final class RateFeed {
    static final int PAGE = 10_000;
    private static final int MAX_PAGES = 10_000;

    private final FxRateRepository repository;
    private final RateBook book;
    private long horizon;
    /** Ids already read whose transaction is at or above {@link #horizon}: they will be read again. */
    private Set<Long> seenAboveHorizon = new HashSet<>();

    public RateFeed(FxRateRepository repository, RateBook book) {
        this.repository = repository;
        this.book = book;
    }

    /** Reads every rate committed since the last poll into the book; returns how many were new to it. */
    public synchronized int poll() {
        long next = QuarkusTransaction.requiringNew().call(repository::snapshotHorizon);
        Set<Long> seen = new HashSet<>();
        int added = 0;
        long afterXact = horizon;
        long afterId = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            long fromXact = afterXact;
            long fromId = afterId;
            List<FollowedRate> rows =
                    QuarkusTransaction.requiringNew().call(() -> repository.storedAfter(fromXact, fromId, PAGE));
            List<FollowedRate> fresh = rows.stream()
                    .filter(r -> !seenAboveHorizon.contains(r.id()))
                    .toList();
            book.addAll(fresh.stream().map(FollowedRate::rate).toList());
            added += fresh.size();
            rows.stream().filter(r -> r.storedByXact() >= next).forEach(r -> seen.add(r.id()));
            if (rows.size() < PAGE) {
                break;
            }
            afterXact = rows.get(rows.size() - 1).storedByXact();
            afterId = rows.get(rows.size() - 1).id();
        }
        horizon = next;
        seenAboveHorizon = seen;
        return added;
    }

    public RateBook book() {
        return book;
    }
}
