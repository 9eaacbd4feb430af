package com.kakehashi.settlement.application;

import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.settlement.domain.BatchDelivered;
import com.kakehashi.settlement.domain.BatchState;
import com.kakehashi.settlement.domain.MerchantNetting;
import jakarta.enterprise.event.Event;
import com.kakehashi.settlement.infra.BankFileCalls;
import com.kakehashi.settlement.infra.DirectoryDrop;
import com.kakehashi.settlement.infra.SettlementRepository;
import com.kakehashi.settlement.infra.SettlementRepository.StoredFile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Sends a batch's stored files to its bank, then records the delivery. The send happens outside any
 * transaction and is idempotent at the bank (same file name and bytes in a directory; the same
 * Idempotency-Key over HTTPS), so a crash between sending and recording only causes a harmless resend.
 */
@ApplicationScoped
public class BatchDelivery {
    @Inject
    SettlementRepository repository;
    @Inject
    BankFileCalls bankFiles;
    @Inject
    SettlementConfig config;
    @Inject
    SettlementStepProbe probe;
    @Inject
    Clock clock;
    @Inject
    Event<BatchDelivered> delivered;

    public void deliver(UUID batchId, PartnerBank bank, String actor) {
        List<StoredFile> files = QuarkusTransaction.requiringNew().call(() -> repository.files(batchId));
        String target = target(bank);
        try {
            for (StoredFile file : files) {
                send(bank, target, batchId, file);
            }
        } catch (Exception e) {
            String reason = "delivery to " + target + " failed: " + e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> {
                files.forEach(f -> repository.recordDelivery(batchId, f.format(), bank.deliveryChannel().name(), target,
                        "FAILED", reason, clock.instant()));
                BatchState state = repository.lock(batchId);
                if (state.canMoveTo(BatchState.FAILED)) {
                    repository.moveState(batchId, state, BatchState.FAILED, reason, actor, clock.instant());
                }
            });
            return;
        }
        probe.reached(SettlementStepProbe.AFTER_DELIVERY, batchId);
        QuarkusTransaction.requiringNew().run(() -> {
            BatchState state = repository.lock(batchId);
            files.forEach(f -> repository.recordDelivery(batchId, f.format(), bank.deliveryChannel().name(), target,
                    "DELIVERED", f.fileName() + " sha256 " + f.sha256(), clock.instant()));
            var batch = repository.byId(batchId).orElseThrow();
            repository.setItemsDone(batchId, batch.itemsTotal() == null ? 0 : batch.itemsTotal());
            if (state.canMoveTo(BatchState.DELIVERED)) {
                repository.moveState(batchId, state, BatchState.DELIVERED, files.size() + " file(s) to " + target, actor,
                        clock.instant());
                if (state == BatchState.FILES_WRITTEN) {
                    delivered.fire(deliveredEvent(batch, bank));
                }
            }
        });
    }

    /** What reconciliation should expect on the bank's statement: one debit per instruction, on the cut-off's date. */
    private BatchDelivered deliveredEvent(com.kakehashi.settlement.domain.SettlementBatch batch, PartnerBank bank) {
        List<BatchDelivered.Instruction> instructions = repository.items(batch.id()).stream()
                .filter(item -> item.netting().outcome() == MerchantNetting.Outcome.PAYOUT)
                .map(item -> new BatchDelivered.Instruction(item.endToEndId(), item.netting().net(), item.merchantName()))
                .toList();
        return new BatchDelivered(batch.id(), bank.id(), bank.currency(),
                batch.cutoff().atZone(bank.timeZone()).toLocalDate(), instructions, batch.fxBoughtMinor());
    }

    private void send(PartnerBank bank, String target, UUID batchId, StoredFile file) throws Exception {
        switch (bank.deliveryChannel()) {
            case DIRECTORY -> DirectoryDrop.deliver(Path.of(target), file.fileName(), file.content());
            case HTTPS -> bankFiles.put(target, file.fileName(), batchId + ":" + file.format(), file.sha256(), file.content());
        }
    }

    private String target(PartnerBank bank) {
        if (bank.deliveryChannel() == PartnerBank.DeliveryChannel.HTTPS) {
            return bank.deliveryTarget();
        }
        Path path = Path.of(bank.deliveryTarget());
        return (path.isAbsolute() ? path : config.outbox().resolve(path)).toString();
    }
}
