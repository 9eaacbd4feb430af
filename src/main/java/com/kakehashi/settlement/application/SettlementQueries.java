package com.kakehashi.settlement.application;

import com.kakehashi.settlement.domain.SettlementBatch;
import com.kakehashi.settlement.domain.SettlementItem;
import com.kakehashi.settlement.domain.StoredFile;
import com.kakehashi.settlement.infra.BatchFileRepository;
import com.kakehashi.settlement.infra.BatchRepository;
import com.kakehashi.settlement.infra.NettingRepository;
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
    BatchRepository batches;

    @Inject
    NettingRepository netting;

    @Inject
    BatchFileRepository files;

    @Transactional
    public List<SettlementBatch> list(String bankId, String state, Instant from, Instant to, int page, int size) {
        return batches.list(bankId, state, from, to, page * size, size);
    }

    @Transactional
    public List<SettlementItem> items(UUID batchId) {
        return netting.items(batchId);
    }

    @Transactional
    public Optional<StoredFile> file(UUID batchId, String format) {
        return files.files(batchId).stream()
                .filter(f -> f.format().equals(format))
                .findFirst();
    }
}
