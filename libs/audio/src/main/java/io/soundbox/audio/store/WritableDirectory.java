package io.soundbox.audio.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A directory a service must be able to write into (the audio store, the backups): created on demand, and
 * proven writable by a real write. Shared so every service checks its folders the same way.
 */
public final class WritableDirectory {
    private final Path dir;

    public WritableDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    /** Creates the directory and its parents when missing. */
    public void create() throws IOException {
        Files.createDirectories(dir);
    }

    /**
     * Proves the directory is writable by creating and deleting a probe file. Permission bits are not
     * enough: root passes every access check, and a read-only mount or a missing volume only shows on
     * a real write.
     *
     * @return why the directory is not usable, or empty when it is
     */
    public Optional<String> problem() {
        if (!Files.isDirectory(dir)) {
            return Optional.of(dir + " is not a directory");
        }
        try {
            Path probe = Files.createTempFile(dir, ".probe-", ".tmp");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of(dir + " is not writable: " + e);
        }
    }
}
