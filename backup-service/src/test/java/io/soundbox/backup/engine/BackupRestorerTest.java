package io.soundbox.backup.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestorerTest {
    @TempDir
    Path tmp;
    Fixture fx;
    Manifest backup;
    Path folder;

    @BeforeEach
    void backupALibrary() throws Exception {
        fx = new Fixture(tmp);
        TestLibrary.insert(fx.db, "g1", "thunder over the hills");
        TestLibrary.insert(fx.db, "g2", "gentle rain on a tin roof");
        TestLibrary.insert(fx.db, "g3", "distant thunder and wind");
        fx.audioFile("g1.wav", 40_000, 1);
        fx.audioFile("g2.wav", 40_000, 2);
        fx.audioFile("g3.wav", 40_000, 3);
        backup = fx.runner().run("manual", BackupProgress.NONE);
        folder = fx.catalog.folderOf(backup.id());
    }

    @Test
    void restoreBringsTheLibraryAndTheAudioBackSoThatSearchWorks() throws Exception {
        String g1 = FileDigest.sha256(fx.audio.resolve("g1.wav"));
        // Disaster after the backup: rows lost, the FTS index changed, audio deleted and overwritten.
        try (Connection c = TestLibrary.open(fx.db); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM generations WHERE id IN ('g1', 'g3')");
        }
        TestLibrary.insert(fx.db, "g4", "thunder made after the backup");
        Files.delete(fx.audio.resolve("g1.wav"));
        fx.audioFile("g2.wav", 1_000, 99);
        fx.audioFile("g4.wav", 5_000, 4);
        assertThat(TestLibrary.search(fx.db, "thunder")).containsExactly("g4");

        RestoreReport report;
        // A connection left open (like library-service's pool) sees the restored content afterwards.
        try (Connection open = TestLibrary.open(fx.db)) {
            report = fx.restorer().restore(backup, folder);
            try (Statement s = open.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM generations")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3);
            }
        }

        assertThat(report.integrity()).isEqualTo("ok");
        assertThat(report.audioRestored()).isEqualTo(2);
        assertThat(report.audioUnchanged()).isEqualTo(1);
        assertThat(TestLibrary.search(fx.db, "thunder")).containsExactly("g1", "g3");
        assertThat(TestLibrary.search(fx.db, "rain")).containsExactly("g2");
        assertThat(TestLibrary.count(fx.db)).isEqualTo(3);
        assertThat(SqliteCopies.integrityCheck(fx.db)).containsExactly("ok");
        assertThat(FileDigest.sha256(fx.audio.resolve("g1.wav"))).isEqualTo(g1);
        assertThat(Files.size(fx.audio.resolve("g2.wav"))).isEqualTo(40_000);
        // Work made after the backup is not deleted; the library row for it is gone with the restore.
        assertThat(fx.audio.resolve("g4.wav")).exists();
        try (var left = Files.list(fx.audio)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
        // The live database stays in WAL mode: library-service's writers keep not blocking readers.
        try (Connection c = TestLibrary.open(fx.db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
        TestLibrary.insert(fx.db, "g5", "thunder after the restore");
        assertThat(TestLibrary.search(fx.db, "thunder")).containsExactly("g1", "g3", "g5");
    }

    @Test
    void restoreRecreatesALostDatabaseFile() throws Exception {
        Files.delete(fx.db);
        Files.deleteIfExists(fx.db.resolveSibling("library.db-wal"));
        Files.deleteIfExists(fx.db.resolveSibling("library.db-shm"));

        fx.restorer().restore(backup, folder);

        assertThat(TestLibrary.search(fx.db, "thunder")).containsExactly("g1", "g3");
    }

    @Test
    void verifyFindsAChangedAudioFileAndRestoreRefusesTheBackup() throws Exception {
        flipAByte(folder.resolve("audio/g2.wav"), 20_000);
        TestLibrary.insert(fx.db, "g9", "made after the backup");

        Verification v = new BackupVerifier().verify(backup, folder);
        assertThat(v.ok()).isFalse();
        assertThat(v.problems()).singleElement().asString().startsWith("audio/g2.wav: SHA-256");
        assertThat(v.integrity()).isEqualTo("ok");

        assertThatThrownBy(() -> fx.restorer().restore(backup, folder))
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BackupException.Kind.CORRUPT);
                    assertThat(e.getMessage()).contains("is corrupt and was not restored", "audio/g2.wav");
                });
        assertThat(TestLibrary.search(fx.db, "made")).containsExactly("g9");
    }

    @Test
    void verifyFindsADamagedDatabaseCopyAndAMissingFile() throws Exception {
        Path copy = folder.resolve("library.db");
        long size = Files.size(copy);
        try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
            f.seek(size / 2);
            f.write(new byte[4096]);
        }
        Files.delete(folder.resolve("audio/g3.wav"));

        Verification v = new BackupVerifier().verify(backup, folder);

        assertThat(v.ok()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.startsWith("library.db: SHA-256"))
                .anyMatch(p -> p.equals("audio/g3.wav: missing"));
        assertThatThrownBy(() -> fx.restorer().restore(backup, folder)).hasMessageContaining("was not restored");
    }

    @Test
    void aManifestPointingOutsideTheBackupIsCorrupt() {
        Manifest evil = new Manifest(backup.format(), backup.id(), backup.createdAt(), backup.trigger(),
                backup.durationMs(), backup.database(),
                java.util.List.of(new FileEntry("audio/../library.db", backup.database().file().size(),
                        backup.database().file().sha256(), 0)), 0, 0);

        Verification v = new BackupVerifier().verify(evil, folder);

        assertThat(v.ok()).isFalse();
        assertThat(v.problems()).containsExactly("audio/../library.db: the manifest names a path outside the backup");
    }

    private static void flipAByte(Path file, long at) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0xff);
        }
    }
}
