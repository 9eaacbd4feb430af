package com.kakehashi.wallet.application;

import com.kakehashi.wallet.infra.TopUpFiguresRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Top-ups still waiting for the funding bank, per currency (the console's overview). */
@ApplicationScoped
public class TopUpFigures {
    @Inject
    TopUpFiguresRepository repository;

    public record PendingTotal(String currency, long count, long amountMinor) {}

    @Transactional
    public List<PendingTotal> pending() {
        return repository.pendingByCurrency().stream()
                .map(r -> new PendingTotal(r.currency(), r.count(), r.amountMinor()))
                .toList();
    }
}
