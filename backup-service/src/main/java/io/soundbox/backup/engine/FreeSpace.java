package io.soundbox.backup.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How many bytes may still be written below a folder; the file store's usable space by default. */
@FunctionalInterface
public interface FreeSpace {
    FreeSpace FILE_STORE = dir -> Files.getFileStore(dir).getUsableSpace();

    long usableBytes(Path dir) throws IOException;
}
