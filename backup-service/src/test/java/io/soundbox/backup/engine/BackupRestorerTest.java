package io.soundbox.backup.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
    void restoreWritesBackTheAudioTheLibraryNamesAndNotThatOfDeletedGenerations() throws Exception {
        String g1 = FileDigest.sha256(fx.audio.resolve("g1.wav"));
        // After the backup: g1's file lost, g2 overwritten, g3 deleted (row and file), g4 made.
        Files.delete(fx.audio.resolve("g1.wav"));
        fx.audioFile("g2.wav", 1_000, 99);
        try (Connection c = TestLibrary.open(fx.db); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM generations WHERE id = 'g3'");
        }
        Files.delete(fx.audio.resolve("g3.wav"));
        TestLibrary.insert(fx.db, "g4", "made after the backup");
        fx.audioFile("g4.wav", 5_000, 4);

        BackupRestorer.AudioRestore report = fx.restorer().restoreAudio(backup, folder);

        assertThat(report.restored()).isEqualTo(2);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(FileDigest.sha256(fx.audio.resolve("g1.wav"))).isEqualTo(g1);
        assertThat(Files.size(fx.audio.resolve("g2.wav"))).isEqualTo(40_000);
        assertThat(fx.audio.resolve("g3.wav")).doesNotExist();
        assertThat(fx.audio.resolve("g4.wav")).exists();
        try (var left = Files.list(fx.audio)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
        assertThat(fx.restorer().restoreAudio(backup, folder).unchanged()).isEqualTo(2);
    }

    @Test
    void verifyFindsAChangedAudioFileAndRestoreRefusesTheBackup() throws Exception {
        flipAByte(folder.resolve("audio/g2.wav"), 20_000);
        TestLibrary.insert(fx.db, "g9", "made after the backup");

        Verification v = new BackupVerifier().verify(backup, folder);
        assertThat(v.ok()).isFalse();
        assertThat(v.problems()).singleElement().asString().startsWith("audio/g2.wav: SHA-256");
        assertThat(v.integrity()).isEqualTo("ok");

        assertThatThrownBy(() -> fx.restorer().requireIntact(backup, folder))
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
        assertThatThrownBy(() -> fx.restorer().requireIntact(backup, folder)).hasMessageContaining("was not restored");
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
