package com.kakehashi.settlement.application;

import com.kakehashi.settlement.domain.SettlementBatch;
import com.kakehashi.settlement.domain.SettlementItem;
import com.kakehashi.settlement.infra.SettlementRepository;
import com.kakehashi.settlement.infra.SettlementRepository.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read side of settlement: batches, items, files. */
@ApplicationScoped
public class SettlementQueries {
    @Inject
    SettlementRepository repository;

    @Transactional
    public List<SettlementBatch> list(String bankId, String state, Instant from, Instant to, int page, int size) {
        return repository.list(bankId, state, from, to, page * size, size);
    }

    @Transactional
    public List<SettlementItem> items(UUID batchId) {
        return repository.items(batchId);
    }

    @Transactional
    public Optional<StoredFile> file(UUID batchId, String format) {
        return repository.files(batchId).stream().filter(f -> f.format().equals(format)).findFirst();
    }
}
