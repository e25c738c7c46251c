package io.soundbox.backup.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

/** A data directory with a library database, an audio store and a backup folder, and a runner over them. */
final class Fixture {
    final Path db;
    final Path audio;
    final Path backups;
    final BackupCatalog catalog;
    private Instant now = Instant.parse("2026-11-27T03:00:00Z");

    Fixture(Path root) throws Exception {
        db = root.resolve("library/library.db");
        audio = root.resolve("audio");
        backups = root.resolve("backups");
        Files.createDirectories(db.getParent());
        Files.createDirectories(audio);
        Files.createDirectories(backups);
        TestLibrary.create(db);
        catalog = new BackupCatalog(backups);
    }

    BackupRunner runner() {
        return runner(FreeSpace.FILE_STORE, 0);
    }

    BackupRunner runner(FreeSpace space, long minFree) {
        return new BackupRunner(db, audio, catalog, space, minFree, Clock.fixed(now, ZoneOffset.UTC));
    }

    BackupRestorer restorer() {
        return new BackupRestorer(db, audio, new BackupVerifier());
    }

    /** Moves the clock so each backup gets its own id. */
    void advance(long seconds) {
        now = now.plusSeconds(seconds);
    }

    Path audioFile(String relative, int bytes, long seed) throws IOException {
        byte[] data = new byte[bytes];
        new Random(seed).nextBytes(data);
        Path f = audio.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.write(f, data);
        return f;
    }
}
