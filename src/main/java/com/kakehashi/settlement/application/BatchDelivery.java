package com.kakehashi.settlement.application;

import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.settlement.domain.BatchDelivered;
import com.kakehashi.settlement.domain.BatchState;
import com.kakehashi.settlement.domain.SettlementBatch;
import com.kakehashi.settlement.domain.StoredFile;
import com.kakehashi.settlement.infra.BankFileCalls;
import com.kakehashi.settlement.infra.BatchFileRepository;
import com.kakehashi.settlement.infra.BatchRepository;
import com.kakehashi.settlement.infra.BatchRepository.LockedBatch;
import com.kakehashi.settlement.infra.DirectoryDrop;
import com.kakehashi.settlement.infra.NettingRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Sends a batch's stored files to its bank and records the outcome, <b>once per state change</b> (single
 * flight): the batch row stays locked from the check of its state to the recording of the outcome, so
 * concurrent runs and redeliveries queue on that lock and then find the state already moved on. The
 * batch row is always the first lock a settlement step takes (delivery rows, events and files after
 * it), so two steps can never wait on each other. A crash while sending rolls the transaction back and
 * the next run sends again, which the bank sees as the same file (same name and bytes in a directory,
 * same Idempotency-Key over HTTPS).
 */
@ApplicationScoped
public class BatchDelivery {
    @Inject
    BatchRepository batches;

    @Inject
    NettingRepository netting;

    @Inject
    BatchFileRepository fileStore;

    @Inject
    BankFileCalls bankFiles;

    @Inject
    DeliveryTargetResolver targets;

    @Inject
    SettlementConfig config;

    @Inject
    SettlementStepProbe probe;

    @Inject
    Clock clock;

    @Inject
    Event<BatchDelivered> delivered;

    /** First delivery of a batch whose files are written; does nothing once another run delivered it. */
    public void deliverWritten(UUID batchId, PartnerBank bank, String actor) {
        deliverIf(batchId, bank, actor, locked -> locked.state() == BatchState.FILES_WRITTEN);
    }

    /**
     * Sends the files again, unless the batch changed state since the caller saw it at {@code seenVersion}
     * (then another redelivery, or the bank's answer, came first).
     */
    public void redeliver(UUID batchId, long seenVersion, PartnerBank bank, String actor) {
        deliverIf(
                batchId,
                bank,
                actor,
                locked -> locked.version() == seenVersion
                        && (locked.state() == BatchState.DELIVERED || locked.state() == BatchState.FAILED));
    }

    private void deliverIf(UUID batchId, PartnerBank bank, String actor, Predicate<LockedBatch> due) {
        QuarkusTransaction.requiringNew()
                .timeout((int) config.deliveryTimeout().toSeconds())
                .run(() -> {
                    LockedBatch locked = batches.lockWithVersion(batchId);
                    if (!due.test(locked)) {
                        return;
                    }
                    List<StoredFile> files = fileStore.files(batchId);
                    String target = targets.resolve(bank);
                    try {
                        for (StoredFile file : files) {
                            send(bank, target, batchId, file);
                        }
                    } catch (Exception e) {
                        failed(batchId, bank, actor, locked.state(), files, target, e);
                        return;
                    }
                    probe.reached(SettlementStepProbe.AFTER_DELIVERY, batchId);
                    succeeded(batchId, bank, actor, locked.state(), files, target);
                });
    }

    private void failed(
            UUID batchId,
            PartnerBank bank,
            String actor,
            BatchState state,
            List<StoredFile> files,
            String target,
            Exception e) {
        String reason = "delivery to " + target + " failed: " + e.getMessage();
        files.forEach(f -> fileStore.recordDelivery(
                batchId, f.format(), bank.deliveryChannel().name(), target, "FAILED", reason, clock.instant()));
        if (state.canMoveTo(BatchState.FAILED)) {
            batches.moveState(batchId, state, BatchState.FAILED, reason, actor, clock.instant());
        }
    }

    private void succeeded(
            UUID batchId, PartnerBank bank, String actor, BatchState state, List<StoredFile> files, String target) {
        files.forEach(f -> fileStore.recordDelivery(
                batchId,
                f.format(),
                bank.deliveryChannel().name(),
                target,
                "DELIVERED",
                f.fileName() + " sha256 " + f.sha256(),
                clock.instant()));
        SettlementBatch batch = batches.byId(batchId).orElseThrow();
        batches.setItemsDone(batchId, batch.itemsTotal() == null ? 0 : batch.itemsTotal());
        if (state.canMoveTo(BatchState.DELIVERED)) {
            batches.moveState(
                    batchId,
                    state,
                    BatchState.DELIVERED,
                    files.size() + " file(s) to " + target,
                    actor,
                    clock.instant());
            if (state == BatchState.FILES_WRITTEN) {
                delivered.fire(deliveredEvent(batch, bank));
            }
        }
    }

    /**
     * What reconciliation should expect on the bank's statement: one debit per instruction, dated by the requested
     * execution date (the bank's first business day on or after the cut-off's date; banks book on it), or the
     * cut-off's date for a batch closed before execution dates were stored.
     */
    private BatchDelivered deliveredEvent(SettlementBatch batch, PartnerBank bank) {
        List<BatchDelivered.Instruction> instructions = netting.items(batch.id()).stream()
                .filter(item -> item.netting().isPaid())
                .map(item -> new BatchDelivered.Instruction(item.endToEndId(), item.net(), counterparty(bank, item)))
                .toList();
        java.time.LocalDate valueDate = batch.executionDate() != null
                ? batch.executionDate()
                : batch.cutoff().atZone(bank.timeZone()).toLocalDate();
        return new BatchDelivered(batch.id(), bank.id(), bank.currency(), valueDate, instructions, batch.fxBought());
    }

    /**
     * The payee as the bank's statement names it: a bank paid by Zengin only knows the account holder's kana (its
     * 入出金取引明細 has no end-to-end id, so matching pairs by amount, date and this name); others the merchant's name.
     */
    private static String counterparty(PartnerBank bank, com.kakehashi.settlement.domain.SettlementItem item) {
        boolean zenginOnly = bank.fileFormats().contains(PartnerBank.FileFormat.ZENGIN)
                && !bank.fileFormats().contains(PartnerBank.FileFormat.PAIN001);
        return zenginOnly && item.payoutAccountHolderKana() != null
                ? item.payoutAccountHolderKana()
                : item.merchantName();
    }

    private void send(PartnerBank bank, String target, UUID batchId, StoredFile file) throws Exception {
        switch (bank.deliveryChannel()) {
            case DIRECTORY -> DirectoryDrop.deliver(Path.of(target), file.fileName(), file.content());
            case HTTPS ->
                bankFiles.put(
                        bank.id(),
                        target,
                        file.fileName(),
                        batchId + ":" + file.format(),
                        file.sha256(),
                        file.content());
        }
    }
}
