package com.kakehashi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Flyway gate: every migration that has landed on main keeps the exact bytes it landed with
 * (history is append-only; a database migrated with the old file would silently differ from one
 * migrated with the new). The manifest {@code db/landed-migrations.txt} is in sha256sum format, so
 * {@code sha256sum -c} checks it from a shell too. See docs/migrations.md.
 */
class MigrationsAreNeverEditedTest {
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path MANIFEST = Path.of("src/test/resources/db/landed-migrations.txt");

    @Test
    void everyLandedMigrationIsPresentWithItsLandedBytes() throws IOException {
        Map<String, String> landed = manifest();
        assertThat(landed)
                .as("the manifest lists the landed migrations")
                .containsKeys(
                        "V1__core_schema.sql",
                        "V2__fx_engine.sql",
                        "V3__settlement.sql",
                        "V3_1__quartz_job_store.sql",
                        "V4__reconciliation.sql");
        landed.forEach((file, checksum) -> {
            Path migration = MIGRATIONS.resolve(file);
            assertThat(migration)
                    .as("landed migration %s was removed or renamed", file)
                    .exists();
            assertThat(sha256(migration))
                    .as("landed migration %s was edited: add a new migration instead", file)
                    .isEqualTo(checksum);
        });
    }

    @Test
    void aChangedByteIsNoticed() throws IOException {
        Path copy = Files.createTempFile("V1__edited", ".sql");
        try {
            byte[] original = Files.readAllBytes(MIGRATIONS.resolve("V1__core_schema.sql"));
            original[original.length - 1] ^= 1;
            Files.write(copy, original);
            assertThat(sha256(copy)).isNotEqualTo(manifest().get("V1__core_schema.sql"));
        } finally {
            Files.delete(copy);
        }
    }

    @Test
    void newMigrationsFollowTheNamingScheme() throws IOException {
        try (var files = Files.list(MIGRATIONS)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .allMatch(name -> name.matches("V\\d+(_\\d+)?__[a-z0-9_]+\\.sql"), "V<k>_<n>__what.sql");
        }
    }

    static Map<String, String> manifest() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(MANIFEST)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.trim().split("\\s+", 2);
                entries.put(parts[1].replaceFirst("^\\*", ""), parts[0]);
            }
        }
        return entries;
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
