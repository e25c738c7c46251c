package io.soundbox.backup.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRunnerTest {
    @TempDir
    Path tmp;
    Fixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixture(tmp);
    }

    @Test
    void backupIsCompleteVerifiedAndListed() throws Exception {
        TestLibrary.insert(fx.db, "g1", "thunder over the hills");
        fx.audioFile("g1.wav", 10_000, 1);
        fx.audioFile("spectrograms/g1.png", 3_000, 2);
        Files.writeString(fx.audio.resolve(".g2.wav12345.part"), "being written");

        Manifest m = fx.runner().run("manual", BackupProgress.NONE);

        assertThat(fx.catalog.list()).extracting(Manifest::id).containsExactly(m.id());
        assertThat(m.id()).isEqualTo("20261127T030000Z");
        assertThat(m.database().integrity()).isEqualTo("ok");
        assertThat(m.audio()).extracting(FileEntry::path).containsExactly("audio/g1.wav", "audio/spectrograms/g1.png");
        assertThat(m.audio().get(0).sha256()).isEqualTo(FileDigest.sha256(fx.audio.resolve("g1.wav")));
        assertThat(m.totalBytes()).isEqualTo(m.database().file().size() + 13_000);
        Path folder = fx.catalog.folderOf(m.id());
        assertThat(folder.resolve("manifest.json")).isRegularFile();
        assertThat(TestLibrary.search(folder.resolve("library.db"), "thunder")).containsExactly("g1");
        assertThat(new BackupVerifier().verify(m, folder).ok()).isTrue();
        assertThat(fx.catalog.find(m.id())).contains(m);
    }

    @Test
    void unchangedAudioIsHardLinkedToThePreviousBackup() throws Exception {
        fx.audioFile("a.wav", 50_000, 1);
        fx.audioFile("b.wav", 50_000, 2);
        Manifest first = fx.runner().run("scheduled", BackupProgress.NONE);

        Path b = fx.audioFile("b.wav", 60_000, 3);
        Files.setLastModifiedTime(b, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        fx.audioFile("c.wav", 20_000, 4);
        fx.advance(86_400);
        Manifest second = fx.runner().run("scheduled", BackupProgress.NONE);

        Path f1 = fx.catalog.folderOf(first.id());
        Path f2 = fx.catalog.folderOf(second.id());
        assertThat(second.linkedFiles()).isEqualTo(1);
        assertThat(Files.isSameFile(f1.resolve("audio/a.wav"), f2.resolve("audio/a.wav"))).isTrue();
        assertThat(Files.isSameFile(f1.resolve("audio/b.wav"), f2.resolve("audio/b.wav"))).isFalse();
        assertThat(second.newBytes()).isEqualTo(second.database().file().size() + 60_000 + 20_000);
        assertThat(second.totalBytes()).isEqualTo(second.database().file().size() + 130_000);

        // Each backup is complete on its own: deleting the first leaves the second whole.
        fx.catalog.delete(first.id());
        assertThat(fx.catalog.list()).extracting(Manifest::id).containsExactly(second.id());
        assertThat(new BackupVerifier().verify(second, f2).ok()).isTrue();
    }

    @Test
    void backupDuringConcurrentWritesLosesNoCommittedRowAndIsConsistent() throws Exception {
        try (Connection c = TestLibrary.open(fx.db)) {
            c.setAutoCommit(false);
            for (int i = 0; i < 20_000; i++) {
                TestLibrary.insert(c, String.format("pre-%06d", i), "filler prompt number " + i + " with rain and wind ".repeat(4));
            }
            c.commit();
        }
        AtomicInteger committed = new AtomicInteger();
        AtomicReference<Throwable> writerError = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection c = TestLibrary.open(fx.db)) {
                for (int i = 1; !Thread.currentThread().isInterrupted(); i++) {
                    TestLibrary.insert(c, String.format("live-%06d", i), "live thunder " + i);
                    committed.set(i);
                }
            } catch (Throwable t) {
                writerError.set(t);
            }
        });
        writer.start();
        try {
            waitFor(() -> committed.get() >= 200);
            int before = committed.get();
            Manifest m = fx.runner().run("manual", BackupProgress.NONE);
            int afterBackup = committed.get();
            waitFor(() -> committed.get() >= afterBackup + 200);

            Path copy = fx.catalog.folderOf(m.id()).resolve("library.db");
            assertThat(m.database().integrity()).isEqualTo("ok");
            assertThat(SqliteCopies.integrityCheck(copy)).containsExactly("ok");
            List<Integer> live = new ArrayList<>();
            try (Connection c = TestLibrary.openReadOnly(copy); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM generations WHERE id LIKE 'live-%' ORDER BY id")) {
                while (rs.next()) {
                    live.add(Integer.parseInt(rs.getString(1).substring(5)));
                }
            }
            // A consistent snapshot: a gap-free prefix of the writer's commits, at least all committed
            // before the backup began, none the writer had not yet committed when it ended.
            assertThat(live.size()).isGreaterThanOrEqualTo(before).isLessThanOrEqualTo(afterBackup);
            for (int i = 0; i < live.size(); i++) {
                assertThat(live.get(i)).isEqualTo(i + 1);
            }
            assertThat(TestLibrary.count(copy)).isEqualTo(20_000 + live.size());
            assertThat(TestLibrary.search(copy, "thunder")).hasSize(live.size());
        } finally {
            writer.interrupt();
            writer.join(10_000);
        }
        assertThat(writerError.get()).as("the writer was never locked out").isNull();
        assertThat(TestLibrary.count(fx.db)).isEqualTo(20_000 + committed.get());
    }

    @Test
    void aFailureMidBackupLeavesPreviousBackupsIntactAndNothingHalfListed() throws Exception {
        fx.audioFile("a.wav", 10_000, 1);
        Manifest good = fx.runner().run("scheduled", BackupProgress.NONE);
        fx.advance(86_400);
        fx.audioFile("b.wav", 10_000, 2);

        assertThatThrownBy(() -> fx.runner().run("scheduled", stage -> {
            if (stage == BackupProgress.Stage.AUDIO_COPIED) {
                throw new IllegalStateException("simulated crash after the audio copy");
            }
        })).hasMessageContaining("simulated crash");

        assertThat(fx.catalog.list()).extracting(Manifest::id).containsExactly(good.id());
        assertThat(new BackupVerifier().verify(good, fx.catalog.folderOf(good.id())).ok()).isTrue();
        try (var entries = Files.list(fx.backups)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(good.id());
        }
    }

    @Test
    void aKilledBackupProcessLeavesNoListedBackupAndTheNextRunSucceeds() throws Exception {
        fx.audioFile("a.wav", 10_000, 1);
        Manifest good = fx.runner().run("scheduled", BackupProgress.NONE);
        Path marker = tmp.resolve("child-reached-database-copied");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StalledBackupMain.class.getName(), fx.db.toString(), fx.audio.toString(), fx.backups.toString(),
                marker.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            waitFor(() -> Files.exists(marker) || !child.isAlive());
            assertThat(marker).as("child log: %s", tmp.resolve("child.log")).exists();
        } finally {
            child.destroyForcibly(); // SIGKILL: no cleanup code runs, like a power cut for the process
            child.waitFor(30, TimeUnit.SECONDS);
        }

        try (var entries = Files.list(fx.backups)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith(BackupCatalog.TEMP_PREFIX));
        }
        assertThat(fx.catalog.list()).extracting(Manifest::id).containsExactly(good.id());
        assertThat(new BackupVerifier().verify(good, fx.catalog.folderOf(good.id())).ok()).isTrue();

        assertThat(fx.catalog.sweepLeftovers()).isEqualTo(1);
        fx.advance(60);
        Manifest next = fx.runner().run("scheduled", BackupProgress.NONE);
        assertThat(fx.catalog.list()).extracting(Manifest::id).containsExactly(good.id(), next.id());
    }

    @Test
    void tooLittleFreeSpaceIsRefusedBeforeAnythingIsWritten() throws Exception {
        fx.audioFile("a.wav", 200_000, 1);
        BackupRunner runner = fx.runner(dir -> 150_000, 0);

        assertThatThrownBy(() -> runner.run("manual", BackupProgress.NONE))
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BackupException.Kind.NO_SPACE);
                    assertThat(e.getMessage()).contains("not enough free space", fx.backups.toString(),
                            "146.5 KiB is free");
                });
        assertThat(fx.catalog.list()).isEmpty();
        assertThat(fx.backups).isEmptyDirectory();
    }

    @Test
    void theFreeSpaceReserveCounts() throws Exception {
        BackupRunner runner = fx.runner(dir -> 100L * 1024 * 1024, 128L * 1024 * 1024);

        assertThatThrownBy(() -> runner.run("manual", BackupProgress.NONE))
                .hasMessageContaining("reserve of 128.0 MiB (soundbox.backup.min-free-space)");
    }

    @Test
    void anUnwritableTargetGivesAClearError() throws Exception {
        Files.delete(fx.backups);
        Files.writeString(fx.backups, "a file where the backup folder should be");

        assertThatThrownBy(() -> fx.runner().run("manual", BackupProgress.NONE))
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BackupException.Kind.TARGET_UNWRITABLE);
                    assertThat(e.getMessage()).isEqualTo("cannot write backups: " + fx.backups + " is not a directory");
                });
    }

    @Test
    void aMissingDatabaseGivesAClearError() throws Exception {
        Files.delete(fx.db);

        assertThatThrownBy(() -> fx.runner().run("manual", BackupProgress.NONE))
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BackupException.Kind.SOURCE_UNREADABLE);
                    assertThat(e.getMessage()).contains(fx.db.toString(), "does not exist");
                });
        assertThat(fx.backups).isEmptyDirectory();
    }

    @Test
    void writeFailuresAreNamedForWhatTheOperatorMustFix() {
        Path target = fx.backups.resolve("x");
        assertThat(BackupRunner.translate(new java.nio.file.FileSystemException(target.toString(), null,
                "No space left on device"), "backup failed").kind()).isEqualTo(BackupException.Kind.NO_SPACE);
        assertThat(BackupRunner.translate(new java.nio.file.FileSystemException(target.toString(), null,
                "Read-only file system"), "backup failed").kind()).isEqualTo(BackupException.Kind.TARGET_UNWRITABLE);
        assertThat(BackupRunner.translate(new java.nio.file.AccessDeniedException(target.toString()), "backup failed")
                .getMessage()).startsWith("backup failed: not writable").contains(target.toString());
    }

    @Test
    void twoBackupsInOneSecondGetDistinctIds() throws Exception {
        Manifest a = fx.runner().run("manual", BackupProgress.NONE);
        Manifest b = fx.runner().run("manual", BackupProgress.NONE);

        assertThat(a.id()).isEqualTo("20261127T030000Z");
        assertThat(b.id()).isEqualTo("20261127T030000Z-2");
        assertThat(fx.catalog.list()).hasSize(2);
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(10);
        }
    }
}
