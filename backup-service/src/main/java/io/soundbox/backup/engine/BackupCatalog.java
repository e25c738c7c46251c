package io.soundbox.backup.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The backup folder: one sub-folder per backup, named by its id, each with a {@code manifest.json}.
 * Work in progress lives in {@code .tmp-*} folders and is renamed into place only when complete, so a
 * folder is listed only if it has an id for a name and a readable manifest: a crash never lists a half
 * backup. Not synchronised: callers serialise writes (BackupService holds one lock).
 */
public final class BackupCatalog {
    static final String TEMP_PREFIX = ".tmp-";
    static final String TRASH_PREFIX = ".trash-";
    private static final Logger LOG = Logger.getLogger(BackupCatalog.class);

    private final Path dir;

    public BackupCatalog(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path folderOf(String id) {
        if (!BackupId.isValid(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a backup id (like 20261127T030000Z)");
        }
        return dir.resolve(id);
    }

    /** Complete backups, oldest first. */
    public List<Manifest> list() {
        List<Manifest> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!BackupId.isValid(name) || !Files.isDirectory(p)) {
                    continue;
                }
                try {
                    out.add(ManifestJson.read(p.resolve(Manifest.FILE)));
                } catch (IOException e) {
                    LOG.warnf("%s is not listed as a backup: its manifest cannot be read (%s)", p, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        out.sort(Comparator.comparing(Manifest::id));
        return out;
    }

    public Optional<Manifest> newest() {
        List<Manifest> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public Optional<Manifest> find(String id) {
        Path folder = folderOf(id);
        Path manifest = folder.resolve(Manifest.FILE);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ManifestJson.read(manifest));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public boolean exists(String id) {
        return Files.exists(folderOf(id));
    }

    /** A fresh folder for a backup in progress; invisible to {@link #list()}. */
    public Path newTempFolder(String id) throws IOException {
        return Files.createDirectory(dir.resolve(TEMP_PREFIX + id + "-" + System.nanoTime()));
    }

    /** Makes a finished backup visible in one atomic rename. */
    public Path publish(Path tempFolder, String id) throws IOException {
        return Files.move(tempFolder, folderOf(id), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Unlists the backup atomically (rename), then frees its files; other backups' hard links survive. */
    public void delete(String id) throws IOException {
        Path folder = folderOf(id);
        Path trash = dir.resolve(TRASH_PREFIX + id + "-" + System.nanoTime());
        Files.move(folder, trash, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(trash);
    }

    /** Removes what a crashed or failed run left behind; returns how many folders it removed. */
    public int sweepLeftovers() {
        int removed = 0;
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(TEMP_PREFIX) || name.startsWith(TRASH_PREFIX)) {
                    deleteTree(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warnf("could not remove every leftover in %s: %s", dir, e.getMessage());
        }
        return removed;
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
