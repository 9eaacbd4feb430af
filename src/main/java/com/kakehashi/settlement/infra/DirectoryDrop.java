package com.kakehashi.settlement.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Delivers a file into a bank's drop directory: written beside under a name no other writer can have
 * (a fresh temporary file per delivery), then moved into place atomically, so the bank never reads half a
 * file and two deliveries never share a temporary file. Delivering the same file again leaves exactly one
 * file with the same bytes.
 */
public final class DirectoryDrop {
    private DirectoryDrop() {}

    /** @return true when the file was written, false when the identical file was already there */
    public static boolean deliver(Path directory, String fileName, byte[] content) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName);
        if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), content)) {
            return false;
        }
        Path partial = Files.createTempFile(directory, "." + fileName + ".", ".partial");
        try {
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return true;
    }
}
