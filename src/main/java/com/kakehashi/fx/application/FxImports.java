package com.kakehashi.fx.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.fx.domain.FxRate;
import com.kakehashi.fx.infra.BankRateCsvParser;
import com.kakehashi.fx.infra.EcbReferenceRatesParser;
import com.kakehashi.fx.infra.RateFileException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Rate sources other than operators: ECB eurofxref XML (from a configured URL or a drop directory)
 * and partner-bank CSV files (drop directory, or uploaded). Nothing is fetched unless configured.
 * A file is imported all or nothing; a processed file moves to "done/", a refused one to "failed/".
 */
@ApplicationScoped
public class FxImports {
    private static final Logger LOG = Logger.getLogger(FxImports.class);
    /** Rate files are small (the ECB daily file is ~2 KB, the full history ~6 MB). */
    public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;

    @Inject
    RateSubmissions submissions;

    @Inject
    RateSources sources;

    @Inject
    FxConfig config;

    @Inject
    Clock clock;

    public enum Format {
        ECB,
        BANK_CSV
    }

    public record Report(Format format, String source, RateSubmissions.ImportResult result) {}

    @Scheduled(every = "${kakehashi.fx.imports.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        List<Report> reports = importConfiguredSources();
        reports.forEach(r -> LOG.infof("FX import %s from %s: %s", r.format(), r.source(), r.result()));
    }

    /** Runs every configured source once. */
    public List<Report> importConfiguredSources() {
        List<Report> reports = new ArrayList<>();
        config.imports().ecbUrl().ifPresent(url -> reports.add(importFromUrl(url)));
        config.imports().ecbDropDirectory().ifPresent(dir -> reports.addAll(importDirectory(dir, Format.ECB)));
        config.imports().bankDropDirectory().ifPresent(dir -> reports.addAll(importDirectory(dir, Format.BANK_CSV)));
        return reports;
    }

    /**
     * Parses one file and submits its rates (published, or held outside the plausibility band); the bank id
     * names the source of a CSV (ignored for ECB files) and must be a registered bank publishing its own
     * corridors. No file may date a rate beyond now plus the allowed skew.
     */
    public Report importFile(Format format, byte[] content, String bankId, String recordedBy) {
        if (content.length > MAX_FILE_BYTES) {
            throw new BusinessException(
                    ErrorCode.RATE_FILE_INVALID, "a rate file may hold at most " + MAX_FILE_BYTES + " bytes");
        }
        List<FxRate> parsed;
        try (InputStream in = new ByteArrayInputStream(content)) {
            parsed = format == Format.ECB
                    ? EcbReferenceRatesParser.parse(in, clock.instant())
                    : BankRateCsvParser.parse(in, bankId, clock.instant());
        } catch (RateFileException e) {
            throw new BusinessException(ErrorCode.RATE_FILE_INVALID, e.getMessage());
        } catch (IOException e) {
            throw new BusinessException(ErrorCode.RATE_FILE_INVALID, "unreadable: " + e.getMessage());
        }
        if (format == Format.BANK_CSV) {
            sources.requireBankMayPublish(bankId, parsed);
        }
        sources.requireNotFutureDated(parsed);
        String source = format == Format.ECB ? EcbReferenceRatesParser.SOURCE : BankRateCsvParser.sourceFor(bankId);
        return new Report(format, source, submissions.importAll(parsed, recordedBy));
    }

    /** Fetches eurofxref XML over HTTP(S) and imports it. */
    public Report importFromUrl(String url) {
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(15))
                    .GET()
                    .build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + url);
            }
            return importFile(Format.ECB, response.body(), null, "ecb-import");
        } catch (IOException e) {
            throw new IllegalStateException("ECB rates could not be fetched from " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching ECB rates", e);
        }
    }

    /** Imports every file of the format in a drop directory, oldest name first. */
    public List<Report> importDirectory(Path directory, Format format) {
        List<Report> reports = new ArrayList<>();
        String suffix = format == Format.ECB ? ".xml" : ".csv";
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList()) {
                reports.add(importDropped(file, format));
            }
        } catch (IOException e) {
            LOG.errorf("FX drop directory %s unreadable: %s", directory, e.getMessage());
        }
        return reports;
    }

    private Report importDropped(Path file, Format format) throws IOException {
        try {
            String bankId = format == Format.BANK_CSV ? bankIdOf(file) : null;
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new BusinessException(ErrorCode.RATE_FILE_INVALID, "larger than " + MAX_FILE_BYTES + " bytes");
            }
            Report report = importFile(format, Files.readAllBytes(file), bankId, "drop:" + file.getFileName());
            moveTo(file, "done");
            return report;
        } catch (BusinessException e) {
            LOG.warnf("FX rate file %s refused: %s", file, e.getMessage());
            moveTo(file, "failed");
            return new Report(
                    format, file.getFileName().toString(), new RateSubmissions.ImportResult(0, 0, 0, List.of()));
        }
    }

    /** Bank files are named "<bankId>--<anything>.csv" so the file itself says who published it. */
    static String bankIdOf(Path file) {
        String name = file.getFileName().toString();
        int separator = name.indexOf("--");
        if (separator <= 0) {
            throw new BusinessException(ErrorCode.RATE_FILE_INVALID, "bank rate files are named <bankId>--<name>.csv");
        }
        return name.substring(0, separator);
    }

    private static void moveTo(Path file, String subdirectory) throws IOException {
        Path target = file.resolveSibling(subdirectory);
        Files.createDirectories(target);
        Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
