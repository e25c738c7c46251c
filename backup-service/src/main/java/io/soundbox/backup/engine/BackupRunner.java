package io.soundbox.backup.engine;

import io.soundbox.backup.engine.BackupException.Kind;
import io.soundbox.backup.engine.BackupProgress.Stage;
import io.soundbox.audio.store.WritableDirectory;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Takes one backup: a consistent snapshot of the library database plus a complete copy of the audio
 * store in which files unchanged since the previous backup are hard links to it (like
 * {@code rsync --link-dest}). Everything is written into a hidden temporary folder that is renamed
 * into place only when the manifest is on disk, so a crash or an error leaves no half backup listed.
 * Plain Java; not thread-safe (BackupService serialises runs).
 */
public final class BackupRunner {
    private static final Logger LOG = Logger.getLogger(BackupRunner.class);

    private final Path database;
    private final Path audioDir;
    private final BackupCatalog catalog;
    private final FreeSpace freeSpace;
    private final long minFreeBytes;
    private final Clock clock;

    public BackupRunner(Path database, Path audioDir, BackupCatalog catalog, FreeSpace freeSpace,
                        long minFreeBytes, Clock clock) {
        this.database = database;
        this.audioDir = audioDir;
        this.catalog = catalog;
        this.freeSpace = freeSpace;
        this.minFreeBytes = minFreeBytes;
        this.clock = clock;
    }

    /** One planned audio file: copied, or linked to {@code previous} (the previous backup's file). */
    private record Planned(AudioFiles.Source source, FileEntry previous, Path previousFile) {
    }

    public Manifest run(String trigger, BackupProgress progress) throws BackupException {
        Instant started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long t0 = System.nanoTime();
        checkTarget();
        if (!Files.isRegularFile(database)) {
            throw new BackupException(Kind.SOURCE_UNREADABLE, "the library database " + database
                    + " does not exist (has library-service started once?)");
        }
        Optional<Manifest> previous = catalog.newest();
        List<Planned> plan = plan(previous);
        checkSpace(plan);
        String id = freshId(started);

        Path temp;
        try {
            temp = catalog.newTempFolder(id);
        } catch (IOException e) {
            throw translate(e, "cannot create a folder in " + catalog.dir());
        }
        try {
            Manifest.Database db = copyDatabase(temp);
            progress.reached(Stage.DATABASE_COPIED);
            List<FileEntry> audio = new ArrayList<>(plan.size());
            long newBytes = db.file().size();
            int linked = 0;
            for (Planned p : plan) {
                Written w = copyAudio(p, temp);
                if (w == null) {
                    continue;
                }
                audio.add(w.entry());
                if (w.linked()) {
                    linked++;
                } else {
                    newBytes += w.entry().size();
                }
            }
            progress.reached(Stage.AUDIO_COPIED);
            long durationMs = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            Manifest manifest = new Manifest(Manifest.FORMAT, id, started, trigger, durationMs, db,
                    List.copyOf(audio), newBytes, linked);
            Path manifestFile = temp.resolve(Manifest.FILE);
            ManifestJson.write(manifest, manifestFile);
            force(manifestFile);
            progress.reached(Stage.MANIFEST_WRITTEN);
            force(temp);
            catalog.publish(temp, id);
            force(catalog.dir());
            LOG.infof("backup %s done in %d ms: database %d bytes, %d audio files (%d linked), %d new bytes",
                    id, durationMs, db.file().size(), audio.size(), linked, newBytes);
            return manifest;
        } catch (BackupException e) {
            discard(temp);
            throw e;
        } catch (IOException e) {
            discard(temp);
            throw translate(e, "backup " + id + " failed while writing to " + catalog.dir());
        } catch (RuntimeException | Error e) {
            discard(temp);
            throw e;
        }
    }

    private void checkTarget() throws BackupException {
        Optional<String> problem = new WritableDirectory(catalog.dir()).problem();
        if (problem.isPresent()) {
            throw new BackupException(Kind.TARGET_UNWRITABLE, "cannot write backups: " + problem.get());
        }
    }

    private List<Planned> plan(Optional<Manifest> previous) throws BackupException {
        Map<String, FileEntry> before = new HashMap<>();
        previous.ifPresent(m -> m.audio().forEach(f -> before.put(f.path(), f)));
        Path previousFolder = previous.map(m -> catalog.folderOf(m.id())).orElse(null);
        List<AudioFiles.Source> sources;
        try {
            sources = AudioFiles.scan(audioDir);
        } catch (IOException e) {
            throw new BackupException(Kind.SOURCE_UNREADABLE, "cannot read the audio store " + audioDir + ": " + e, e);
        }
        List<Planned> plan = new ArrayList<>(sources.size());
        for (AudioFiles.Source s : sources) {
            String path = Manifest.AUDIO_DIR + "/" + s.relative();
            FileEntry old = before.get(path);
            // The quick check of rsync: same size and modification time means unchanged.
            if (old != null && old.size() == s.size() && old.modified() == s.modified()) {
                Path oldFile = previousFolder.resolve(path);
                if (Files.isRegularFile(oldFile)) {
                    plan.add(new Planned(s, old, oldFile));
                    continue;
                }
            }
            plan.add(new Planned(s, null, null));
        }
        return plan;
    }

    /** Refuses to start unless the copy fits with {@code minFreeBytes} to spare, rather than fail half way. */
    private void checkSpace(List<Planned> plan) throws BackupException {
        long needed = size(database) + size(database.resolveSibling(database.getFileName() + "-wal"));
        for (Planned p : plan) {
            if (p.previousFile() == null) {
                needed += p.source().size();
            }
        }
        long usable;
        try {
            usable = freeSpace.usableBytes(catalog.dir());
        } catch (IOException e) {
            throw new BackupException(Kind.TARGET_UNWRITABLE, "cannot tell the free space of " + catalog.dir() + ": " + e, e);
        }
        if (usable - needed < minFreeBytes) {
            throw new BackupException(Kind.NO_SPACE, String.format(Locale.ROOT,
                    "not enough free space for a backup in %s: it needs about %s plus a reserve of %s "
                            + "(soundbox.backup.min-free-space), but only %s is free",
                    catalog.dir(), human(needed), human(minFreeBytes), human(usable)));
        }
    }

    private String freshId(Instant started) {
        for (int attempt = 1; ; attempt++) {
            String id = BackupId.of(started, attempt);
            if (!catalog.exists(id)) {
                return id;
            }
        }
    }

    private Manifest.Database copyDatabase(Path temp) throws BackupException, IOException {
        Path copy = temp.resolve(Manifest.DB_FILE);
        String version;
        List<String> integrity;
        try {
            SqliteCopies.snapshot(database, copy);
            integrity = SqliteCopies.integrityCheck(copy);
            version = SqliteCopies.sqliteVersion(copy);
        } catch (SQLException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("SQLITE_FULL") || msg.contains("disk is full")) {
                throw new BackupException(Kind.NO_SPACE, "the disk holding " + catalog.dir()
                        + " became full while the database was copied", e);
            }
            if (msg.contains("SQLITE_CANTOPEN") || msg.contains("SQLITE_READONLY") || msg.contains("SQLITE_PERM")) {
                throw new BackupException(Kind.TARGET_UNWRITABLE, "cannot write the database copy into "
                        + temp + ": " + msg, e);
            }
            throw new BackupException(Kind.FAILED, "the online copy of " + database + " failed: " + msg, e);
        }
        if (!integrity.equals(List.of("ok"))) {
            throw new BackupException(Kind.CORRUPT, "the copy of " + database
                    + " fails PRAGMA integrity_check (the live database needs attention): " + integrity);
        }
        force(copy);
        return new Manifest.Database(new FileEntry(Manifest.DB_FILE, Files.size(copy), FileDigest.sha256(copy),
                Files.getLastModifiedTime(copy).toMillis()), "ok", version);
    }

    private record Written(FileEntry entry, boolean linked) {
    }

    /** @return what was written, or null when the file vanished from the store since the scan */
    private Written copyAudio(Planned p, Path temp) throws IOException {
        String path = Manifest.AUDIO_DIR + "/" + p.source().relative();
        Path target = temp.resolve(path);
        Files.createDirectories(target.getParent());
        if (p.previousFile() != null) {
            try {
                Files.createLink(target, p.previousFile());
                return new Written(new FileEntry(path, p.previous().size(), p.previous().sha256(),
                        p.previous().modified()), true);
            } catch (UnsupportedOperationException | FileSystemException e) {
                // Another file system, or one without hard links: a plain copy is still a correct backup.
                LOG.debugf("cannot hard-link %s (%s); copying it", p.previousFile(), e.getMessage());
            }
        }
        try {
            String sha = FileDigest.copy(p.source().path(), target);
            return new Written(new FileEntry(path, Files.size(target), sha, p.source().modified()), false);
        } catch (NoSuchFileException e) {
            if (Files.exists(p.source().path())) {
                throw e;
            }
            // Deleted from the store since the scan: not part of this backup.
            Files.deleteIfExists(target);
            return null;
        }
    }

    private static void discard(Path temp) {
        try {
            BackupCatalog.deleteTree(temp);
        } catch (IOException e) {
            LOG.warnf("could not remove the unfinished backup %s (removed at the next run): %s", temp, e.getMessage());
        }
    }

    /** fsync, so the rename never publishes a backup whose data is still only in the page cache. */
    private static void force(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems refuse to sync a directory; the data files themselves were synced.
            LOG.debugf("fsync of %s not possible: %s", path, e.getMessage());
        }
    }

    static BackupException translate(IOException e, String what) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("No space left") || msg.contains("Disk quota exceeded")) {
            return new BackupException(Kind.NO_SPACE, what + ": the disk is full (" + msg + ")", e);
        }
        if (e instanceof AccessDeniedException || msg.contains("Read-only file system")) {
            return new BackupException(Kind.TARGET_UNWRITABLE, what + ": not writable (" + e + ")", e);
        }
        return new BackupException(Kind.FAILED, what + ": " + e, e);
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    static String human(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
