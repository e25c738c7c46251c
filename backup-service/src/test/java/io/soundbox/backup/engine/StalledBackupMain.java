package io.soundbox.backup.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A backup process that stops for good once the database copy is in its temporary folder, so a test
 * can kill it (SIGKILL) at a known point: {@code db audioDir backupDir markerFile}.
 */
public final class StalledBackupMain {
    public static void main(String[] args) throws Exception {
        BackupRunner runner = new BackupRunner(Path.of(args[0]), Path.of(args[1]), new BackupCatalog(Path.of(args[2])),
                FreeSpace.FILE_STORE, 0, Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(1)));
        runner.run("scheduled", stage -> {
            if (stage == BackupProgress.Stage.DATABASE_COPIED) {
                try {
                    Files.writeString(Path.of(args[3]), "stalled");
                    Thread.sleep(Long.MAX_VALUE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }
}
