package io.soundbox.gateway.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The secret of signed file URLs: {@value #SIZE} random bytes in a file readable by its owner only,
 * created at first start. Gateway replicas that share the data directory share the key, so a URL
 * signed by one is accepted by all.
 */
public final class FileUrlKey {
    public static final int SIZE = 32;

    private FileUrlKey() {
    }

    public static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length < SIZE) {
                throw new IllegalStateException("the file URL key " + file + " has " + key.length + " bytes, not "
                        + SIZE + "; delete it to create a new one (URLs signed before stop working)");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the file URL key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] key = new byte[SIZE];
        new SecureRandom().nextBytes(key);
        // Written under a temporary name with 0600 from the start, then linked into place: a reader
        // never sees a half-written key, and of two replicas starting at once the first link wins
        // (a rename would silently replace the other's key).
        Path tmp = Files.createTempFile(dir, ".file-url", ".tmp");
        try {
            restrict(tmp);
            Files.write(tmp, key);
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException e) {
                // Another replica won the race; its key is the one.
            } catch (UnsupportedOperationException e) {
                // No hard links on this file system: a plain move (replicas should not race here).
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void restrict(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's own permissions apply.
        }
    }
}
