package com.kakehashi.settlement.application;

import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.common.xml.XsdValidator;
import com.kakehashi.common.zengin.ZenginAccount;
import com.kakehashi.settlement.domain.BatchState;
import com.kakehashi.settlement.domain.SettlementItem;
import com.kakehashi.settlement.domain.StoredFile;
import com.kakehashi.settlement.infra.BatchFileRepository;
import com.kakehashi.settlement.infra.BatchRepository;
import com.kakehashi.settlement.infra.NettingRepository;
import com.kakehashi.settlement.infra.Pain001Writer;
import com.kakehashi.settlement.infra.PayoutCsvWriter;
import com.kakehashi.settlement.infra.PayoutInstruction;
import com.kakehashi.settlement.infra.ZenginTransferWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Writes a closed batch's files in the formats its bank takes, validates the pain.001 against the
 * official XSD, and stores them (bytes and SHA-256): what is delivered, and downloaded, is what was stored.
 */
@ApplicationScoped
public class BatchFiles {
    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    @Inject
    BatchRepository batches;

    @Inject
    NettingRepository netting;

    @Inject
    BatchFileRepository files;

    @Inject
    SettlementStepProbe probe;

    @Inject
    Clock clock;

    @Transactional
    public void write(UUID batchId, PartnerBank bank, String actor) {
        if (batches.lock(batchId) != BatchState.CLOSED) {
            return;
        }
        var batch = batches.byId(batchId).orElseThrow();
        List<SettlementItem> payouts = netting.items(batchId).stream()
                .filter(item -> item.netting().isPaid())
                .toList();
        LocalDate executionDate = batch.executionDate() != null
                ? batch.executionDate()
                : batch.cutoff().atZone(bank.timeZone()).toLocalDate();
        PayoutInstruction instruction = new PayoutInstruction(
                batchId, batch.cutoff(), bank.bic(), bank.settlementAccount(), bank.currency(), payouts, executionDate);
        String baseName = bank.id() + "-" + NAME_TIME.format(batch.cutoff()) + "-"
                + batchId.toString().substring(0, 8);
        // A window where nobody is owed anything instructs nothing: no files, nothing to deliver.
        List<PartnerBank.FileFormat> formats = payouts.isEmpty()
                ? List.of()
                : bank.fileFormats().stream().sorted().toList();
        for (PartnerBank.FileFormat format : formats) {
            StoredFile file = switch (format) {
                case PAIN001 -> {
                    byte[] xml = Pain001Writer.write(instruction);
                    XsdValidator.validate("pain.001.001.09", xml);
                    yield stored("pain001", baseName + ".pain001.xml", "application/xml", xml);
                }
                case CSV -> stored("csv", baseName + ".csv", "text/csv", PayoutCsvWriter.write(instruction));
                case ZENGIN ->
                    stored(
                            "zengin",
                            baseName + ".zengin.txt",
                            "text/plain; charset=Shift_JIS",
                            ZenginTransferWriter.write(requester(bank), executionDate, payouts));
            };
            files.saveFileIfAbsent(batchId, file, clock.instant());
            probe.reached(SettlementStepProbe.MID_FILES, batchId);
        }
        batches.moveState(
                batchId,
                BatchState.CLOSED,
                BatchState.FILES_WRITTEN,
                formats.isEmpty()
                        ? "no payouts, no files"
                        : String.join(",", formats.stream().map(Enum::name).toList()),
                actor,
                clock.instant());
    }

    private static ZenginTransferWriter.Requester requester(PartnerBank bank) {
        return new ZenginTransferWriter.Requester(
                bank.zenginRequesterCode(),
                bank.zenginRequesterName(),
                ZenginAccount.parse(bank.settlementAccount())
                        .orElseThrow(() ->
                                new IllegalStateException("bank " + bank.id() + " has no Zengin settlement account")));
    }

    private static StoredFile stored(String format, String name, String mediaType, byte[] content) {
        return new StoredFile(format, name, mediaType, content, sha256(content));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
